from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ebok.core.admin import EvidenceAdmin
from ebok.payments.models import Notification, OnlinePayment, OnlinePaymentPart


class PartInline(admin.TabularInline):
    model = OnlinePaymentPart
    extra = 0
    can_delete = False
    fields = ["customer", "invoice", "amount", "taken_at", "booked"]
    readonly_fields = fields

    @admin.display(description=_("taken by the billing system"))
    def taken_at(self, part):
        export = getattr(part, "export", None)
        return export.acknowledged_at if export else None

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("export")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(OnlinePayment)
class OnlinePaymentAdmin(EvidenceAdmin):
    """What customers paid online: a record of what the provider confirmed, never edited."""

    list_display = ["created_at", "amount", "state", "provider", "provider_transaction_id"]
    list_filter = ["state", "provider", "created_at"]
    search_fields = ["=session_id", "=provider_transaction_id", "parts__customer__number"]
    date_hierarchy = "created_at"
    show_full_result_count = False
    inlines = [PartInline]


@admin.register(Notification)
class NotificationAdmin(EvidenceAdmin):
    list_display = ["received_at", "provider", "outcome", "payment", "ip_address"]
    list_filter = ["outcome", "provider", "received_at"]
    date_hierarchy = "received_at"
    list_select_related = ["payment"]
    show_full_result_count = False
