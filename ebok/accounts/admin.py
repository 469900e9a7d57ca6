from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from ebok.accounts.models import Consent, User
from ebok.core.admin import EvidenceAdmin


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "customer", "is_staff", "is_active", "last_login"]
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


@admin.register(Consent)
class ConsentAdmin(EvidenceAdmin):
    list_display = ["given_at", "customer_number", "customer", "kind", "version", "ip_address"]
    list_filter = ["kind", "version", "given_at"]
    search_fields = ["customer_number", "customer__name", "ip_address"]
    date_hierarchy = "given_at"
    list_select_related = ["customer"]
