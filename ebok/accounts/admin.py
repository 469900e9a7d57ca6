from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Exists, OuterRef
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from ebok.accounts import two_factor
from ebok.accounts.models import Consent, User
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.core.admin import EvidenceAdmin


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = [
        "username",
        "customer",
        "is_staff",
        "is_active",
        "has_authenticator",
        "last_login",
    ]
    actions = ["reset_second_factor"]
    list_filter = ["is_staff", "is_active", "groups"]
    list_select_related = ["customer"]
    search_fields = ["username", "first_name", "last_name", "email", "customer__number"]
    raw_id_fields = ["customer"]
    readonly_fields = [
        "temporary_password_expires_at",
        "password_changed_at",
        "session_generation",
        "last_login",
        "date_joined",
    ]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (
            _("Customer account"),
            {
                "fields": [
                    "customer",
                    "temporary_password_expires_at",
                    "password_changed_at",
                    "session_generation",
                ]
            },
        ),
    ]

    # A customer's login is given a new password and disabled on the customer's page, which
    # first says what the action replaces, asks, and audits it (docs/backoffice.md); Django's
    # password form and the "active" box here would do it at once and unrecorded.
    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not obj.is_staff:
            fields.append("is_active")
        return fields

    def user_change_password(self, request, id, form_url=""):
        user = self.get_object(request, unquote(id))
        if user is not None and not user.is_staff:
            message = _(
                "A customer's password is replaced on the customer's page: "
                "“Issue a temporary password and print the letter” asks first."
            )
            self.message_user(request, message, messages.WARNING)
            if user.customer_id:
                url = reverse("admin:customers_customer_change", args=[user.customer_id])
            else:
                url = reverse("admin:accounts_user_change", args=[user.pk])
            return HttpResponseRedirect(url)
        return super().user_change_password(request, id, form_url)

    def get_queryset(self, request):
        confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(has_authenticator=Exists(confirmed))

    @admin.display(description=_("authenticator app"), boolean=True)
    def has_authenticator(self, user) -> bool:
        return user.has_authenticator

    @admin.action(
        description=_("Remove the authenticator app (a new one is set up at the next login)"),
        permissions=["change"],
    )
    def reset_second_factor(self, request, queryset):
        """For a lost phone: the user's sessions end, and their next login asks for a new app."""
        removed = 0
        for user in queryset.filter(is_staff=True):
            if two_factor.reset(user):
                removed += 1
                record(
                    AuditEvent.Kind.STAFF_TWO_FACTOR_RESET,
                    request=request,
                    actor=request.user,
                    detail=f"user: {user.username}",
                )
        if not removed:
            message = _("Nothing was removed: none of the selected staff members has an app.")
            self.message_user(request, message, messages.WARNING)
            return
        message = ngettext(
            "The authenticator app of %(count)d staff member was removed.",
            "The authenticator apps of %(count)d staff members were removed.",
            removed,
        ) % {"count": removed}
        self.message_user(request, message, messages.SUCCESS)


@admin.register(Consent)
class ConsentAdmin(EvidenceAdmin):
    list_display = ["given_at", "customer_number", "customer", "kind", "version", "ip_address"]
    list_filter = ["kind", "version", "given_at"]
    search_fields = ["customer_number", "customer__name", "ip_address"]
    date_hierarchy = "given_at"
    list_select_related = ["customer"]
