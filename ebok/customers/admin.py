from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from ebok.accounts.services import issue_temporary_password
from ebok.customers.models import Customer, Meter, Reading, ServicePoint


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "postal_code", "city", "street", "email"]
    search_fields = ["number", "name", "street", "city", "email"]
    show_full_result_count = False
    actions = ["issue_temporary_passwords"]

    @admin.action(description=_("Issue a temporary password"), permissions=["change"])
    def issue_temporary_passwords(self, request, queryset):
        # Shown once on this page and never stored in clear text, so not put in a message.
        issued = [
            (customer, issue_temporary_password(customer, actor=request.user, request=request))
            for customer in queryset.select_related("account")
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Temporary passwords"),
            "issued": issued,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/customers/temporary_passwords.html", context)


class MeterInline(admin.TabularInline):
    model = Meter
    extra = 0


@admin.register(ServicePoint)
class ServicePointAdmin(admin.ModelAdmin):
    list_display = ["code", "customer", "postal_code", "city", "street", "water", "sewage"]
    search_fields = ["code", "street", "city", "customer__number", "customer__name"]
    list_select_related = ["customer"]
    raw_id_fields = ["customer"]
    inlines = [MeterInline]


class ReadingInline(admin.TabularInline):
    model = Reading
    extra = 0
    ordering = ["-read_on"]


@admin.register(Meter)
class MeterAdmin(admin.ModelAdmin):
    list_display = ["serial_number", "kind", "service_point", "installed_on", "removed_on"]
    list_filter = ["kind"]
    search_fields = ["serial_number", "service_point__code", "service_point__customer__number"]
    list_select_related = ["service_point"]
    raw_id_fields = ["service_point"]
    inlines = [ReadingInline]


@admin.register(Reading)
class ReadingAdmin(admin.ModelAdmin):
    list_display = ["meter", "read_on", "value", "source", "created_at"]
    list_filter = ["source", "read_on"]
    search_fields = ["meter__serial_number", "meter__service_point__customer__number"]
    list_select_related = ["meter"]
    raw_id_fields = ["meter"]
    date_hierarchy = "read_on"
