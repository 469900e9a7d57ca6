from django.contrib import admin

from ebok.audit.models import AuditEvent
from ebok.core.admin import EvidenceAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(EvidenceAdmin):
    list_display = ["created_at", "kind", "customer_number", "actor", "ip_address", "detail"]
    list_filter = ["kind", "created_at"]
    search_fields = ["customer_number", "ip_address", "detail"]
    date_hierarchy = "created_at"
    list_select_related = ["actor"]
