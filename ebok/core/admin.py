from django.contrib import admin


class EvidenceAdmin(admin.ModelAdmin):
    """For records that are evidence (audit log, consents, API calls): read, never edited."""

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
