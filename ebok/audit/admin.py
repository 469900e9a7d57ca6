from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ebok.audit.models import AuditEvent
from ebok.audit.times import in_local_time
from ebok.core.admin import EvidenceAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(EvidenceAdmin):
    list_display = ["created_at", "kind", "customer_number", "actor", "ip_address", "local_detail"]
    list_filter = ["kind", "created_at"]
    search_fields = ["customer_number", "ip_address", "detail"]
    date_hierarchy = "created_at"
    list_select_related = ["actor"]
    exclude = ["detail"]  # shown as local_detail

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [("local_detail" if name == "detail" else name) for name in fields]

    @admin.display(description=_("detail"), ordering="detail")
    def local_detail(self, event) -> str:
        return in_local_time(event.detail)
