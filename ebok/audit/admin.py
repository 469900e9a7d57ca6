from django.contrib import admin

from ebok.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "customer_number", "actor", "ip_address", "detail"]
    list_filter = ["kind", "created_at"]
    search_fields = ["customer_number", "ip_address", "detail"]
    date_hierarchy = "created_at"
    list_select_related = ["actor"]
    readonly_fields = [field.name for field in AuditEvent._meta.fields]

    # The log is evidence: staff read it, nobody edits it.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
