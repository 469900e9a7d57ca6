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


class BillingRecordAdmin(admin.ModelAdmin):
    """For records the billing system owns (docs/billing.md): it pushes them through the
    integration API or the import and takes them back by a withdrawal; an edit in the office
    would be overwritten by its next push and never reach it. Read in the office, never added,
    edited or deleted, whatever the role, superusers included.

    A model whose rows come partly from the office (readings, documents) names the pushed ones
    with `from_billing(obj)`: those are read-only, the office's own stay as they are. Its list
    then has no "delete selected", which would not ask row by row.
    """

    # All rows come from the billing system; False: only those from_billing() says.
    billing_owns_all = True

    def from_billing(self, obj) -> bool:
        return self.billing_owns_all or bool(getattr(obj, "external_id", None))

    def has_add_permission(self, request, *args):
        return not self.billing_owns_all and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        if self.billing_owns_all or (obj is not None and self.from_billing(obj)):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self.billing_owns_all or (obj is not None and self.from_billing(obj)):
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


class BillingRecordInline:
    """For an inline of records the billing system owns: shown, never added, changed or deleted."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
