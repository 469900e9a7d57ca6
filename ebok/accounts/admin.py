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
from ebok.accounts.models import (
    AccountChange,
    Consent,
    CorrespondenceAddress,
    DataExport,
    EmailConfirmation,
    Passkey,
    User,
)
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


# The account area's history: what customers changed themselves, read by the office, never
# edited here (EvidenceAdmin). Times show in Europe/Warsaw (TIME_ZONE), as everywhere in the
# admin; searched by customer number (the login's username is its own number).


@admin.register(AccountChange)
class AccountChangeAdmin(EvidenceAdmin):
    list_display = ["changed_at", "customer_number", "kind", "value"]
    list_filter = ["kind", "changed_at"]
    search_fields = ["customer_number"]
    date_hierarchy = "changed_at"
    show_full_result_count = False


@admin.register(CorrespondenceAddress)
class CorrespondenceAddressAdmin(EvidenceAdmin):
    list_display = ["customer", "postal_code", "city", "street", "updated_at"]
    search_fields = ["customer__number", "city", "street"]
    list_select_related = ["customer"]


@admin.register(Passkey)
class PasskeyAdmin(EvidenceAdmin):
    # The public key is bytes nobody reads; the credential id names the authenticator's key.
    fields = ["user", "name", "created_at", "last_used_at", "sign_count", "credential_id"]
    list_display = ["user", "name", "created_at", "last_used_at"]
    list_filter = ["created_at", "last_used_at"]
    search_fields = ["user__username", "user__customer__number", "name"]
    list_select_related = ["user"]


@admin.register(DataExport)
class DataExportAdmin(EvidenceAdmin):
    # The file itself stays out of the office's reach: only whether it is still kept.
    fields = ["customer", "user", "status", "created_at", "expires_at", "file_kept"]
    list_display = ["created_at", "customer", "user", "status", "expires_at", "file_kept"]
    list_filter = ["status", "created_at"]
    search_fields = ["customer__number", "user__username"]
    date_hierarchy = "created_at"
    list_select_related = ["customer", "user"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "file_kept"]

    @admin.display(description=_("file kept"), boolean=True)
    def file_kept(self, export) -> bool:
        return bool(export.file)


@admin.register(EmailConfirmation)
class EmailConfirmationAdmin(EvidenceAdmin):
    # Not the token's hash: nothing to read in it, and nothing to help a guess.
    fields = ["customer", "purpose", "email", "details", "created_at", "expires_at", "used_at"]
    list_display = ["created_at", "customer", "purpose", "email", "expires_at", "used_at"]
    list_filter = ["purpose", "created_at"]
    search_fields = ["customer__number", "email"]
    date_hierarchy = "created_at"
    list_select_related = ["customer"]
