from django.contrib import admin

from ebok.billing.models import Invoice, InvoiceLine, Payment
from ebok.core.admin import BillingRecordAdmin, BillingRecordInline


class InvoiceLineInline(BillingRecordInline, admin.TabularInline):
    model = InvoiceLine
    raw_id_fields = ["service_point"]


@admin.register(Invoice)
class InvoiceAdmin(BillingRecordAdmin):
    list_display = ["number", "kind", "customer", "issued_on", "due_on", "gross"]
    list_filter = ["kind", "issued_on"]
    search_fields = ["number", "customer__number", "customer__name"]
    list_select_related = ["customer"]
    raw_id_fields = ["customer"]
    date_hierarchy = "issued_on"
    show_full_result_count = False
    inlines = [InvoiceLineInline]


@admin.register(Payment)
class PaymentAdmin(BillingRecordAdmin):
    list_display = ["paid_on", "customer", "amount", "method", "title"]
    list_filter = ["method", "paid_on"]
    search_fields = ["customer__number", "customer__name", "title"]
    list_select_related = ["customer"]
    raw_id_fields = ["customer"]
    date_hierarchy = "paid_on"
    show_full_result_count = False
