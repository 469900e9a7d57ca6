from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ebok.accounts import memberships
from ebok.accounts.models import Membership
from ebok.backoffice.customer_admin import CustomerAccountAdminMixin
from ebok.core.admin import BillingRecordAdmin, BillingRecordInline

# The list of flagged readings and its decisions, registered with the admin on import.
from ebok.customers import review_admin
from ebok.customers.models import (
    Customer,
    LeakWarning,
    Meter,
    Reading,
    ReadingWindow,
    ServicePoint,
)
from ebok.notifications.admin import NoticeInline


class MembershipInline(admin.TabularInline):
    """Who can reach this customer number; every change is audited and told to the number."""

    model = Membership
    extra = 0
    # The billing system id marks access the integration API pushed: its next push restores it.
    fields = ["user", "role", "created_at", "external_id"]
    readonly_fields = ["created_at", "external_id"]
    raw_id_fields = ["user"]
    verbose_name = _("login with access")
    verbose_name_plural = _("logins with access to this number")


@admin.register(Customer)
class CustomerAdmin(CustomerAccountAdminMixin, admin.ModelAdmin):
    """The customer office's main page; the account panel and actions: ebok/backoffice."""

    list_display = ["number", "name", "postal_code", "city", "street", "email"]
    fields = [
        "number",
        "name",
        "nip",
        "postal_code",
        "city",
        "street",
        "email",
        "phone",
        "bank_account",
        "external_id",
    ]
    # A number or an e-mail address is searched on its own (CustomerAccountAdminMixin).
    search_fields = ["name", "street", "city", "postal_code"]
    search_help_text = _("Customer number, name, address or e-mail address.")
    # With 300,000 customers, counting every row on each search costs more than it tells.
    show_full_result_count = False
    inlines = [MembershipInline, NoticeInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not Membership:
            return super().save_formset(request, form, formset, change)
        instances = formset.save(commit=False)
        for membership in formset.deleted_objects:
            membership.delete()
            memberships.revoked(membership, actor=request.user, request=request)
        for membership in instances:
            is_new = membership.pk is None
            membership.save()
            announce = memberships.granted if is_new else memberships.changed
            announce(membership, actor=request.user, request=request)
        formset.save_m2m()


class MeterInline(BillingRecordInline, admin.TabularInline):
    model = Meter


@admin.register(ServicePoint)
class ServicePointAdmin(BillingRecordAdmin):
    list_display = ["code", "customer", "postal_code", "city", "street", "water", "sewage"]
    search_fields = ["code", "street", "city", "customer__number", "customer__name"]
    list_select_related = ["customer"]
    raw_id_fields = ["customer"]
    inlines = [MeterInline]


# The office's decision on a flagged reading is taken, audited and told through its own list
# (ebok/customers/review_admin.py), never typed over here.
REVIEW_FIELDS = ["review", "review_reason", "reviewed_at", "reviewed_by"]


class ReadingInline(BillingRecordInline, admin.TabularInline):
    """The meter's readings to read; a customer's own is edited on its page."""

    model = Reading
    ordering = ["-read_on"]
    readonly_fields = REVIEW_FIELDS


@admin.register(Meter)
class MeterAdmin(BillingRecordAdmin):
    list_display = ["serial_number", "kind", "service_point", "installed_on", "removed_on"]
    list_filter = ["kind"]
    search_fields = ["serial_number", "service_point__code", "service_point__customer__number"]
    list_select_related = ["service_point"]
    raw_id_fields = ["service_point"]
    inlines = [ReadingInline]


@admin.register(Reading)
class ReadingAdmin(BillingRecordAdmin):
    """Readings the billing system pushed are read-only; those customers submitted (which it
    pulls) stay the office's to correct."""

    billing_owns_all = False
    list_display = ["meter", "read_on", "value", "source", "needs_review", "review", "created_at"]
    list_filter = ["needs_review", "review", "source", "read_on"]
    search_fields = ["meter__serial_number", "meter__service_point__customer__number"]
    list_select_related = ["meter"]
    raw_id_fields = ["meter"]
    date_hierarchy = "read_on"
    readonly_fields = ["photo_image", *REVIEW_FIELDS]

    @admin.display(description=_("photo of the meter"))
    def photo_image(self, reading):
        return review_admin.meter_photo(reading)


@admin.register(ReadingWindow)
class ReadingWindowAdmin(BillingRecordAdmin):
    list_display = ["service_point", "opens_on", "closes_on", "external_id"]
    search_fields = ["service_point__code", "service_point__customer__number"]
    list_select_related = ["service_point"]
    raw_id_fields = ["service_point"]
    date_hierarchy = "opens_on"


@admin.register(LeakWarning)
class LeakWarningAdmin(admin.ModelAdmin):
    """The office's list of current leak warnings (the open ones first)."""

    list_display = ["service_point", "since", "daily_use", "baseline", "raised_at", "cleared_on"]
    list_filter = [("cleared_on", admin.EmptyFieldListFilter)]
    search_fields = ["service_point__code", "service_point__customer__number"]
    list_select_related = ["service_point"]
    readonly_fields = ["service_point", "since", "daily_use", "baseline", "cleared_on"]

    def has_add_permission(self, request):
        return False
