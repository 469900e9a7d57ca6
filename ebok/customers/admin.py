from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from ebok.accounts.services import issue_temporary_password
from ebok.customers.models import Customer


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "postal_code", "city", "street", "email"]
    search_fields = ["number", "name", "street", "city", "email"]
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
