from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """Who did what to which account, when and from where. Written once, never edited."""

    class Kind(models.TextChoices):
        LOGIN = "login", _("Login")
        LOGIN_FAILED = "login_failed", _("Failed login")
        LOGIN_THROTTLED = "login_throttled", _("Login refused: too many failures")
        LOGIN_EXPIRED = "login_expired", _("Login refused: temporary password expired")
        LOGOUT = "logout", _("Logout")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        PASSWORD_RESET_REQUESTED = "password_reset_requested", _("Password reset requested")
        PASSWORD_RESET_THROTTLED = (
            "password_reset_throttled",
            _("Password reset refused: too many requests"),
        )
        PASSWORD_RESET = "password_reset", _("Password reset")
        TEMPORARY_PASSWORD_ISSUED = "temporary_password_issued", _("Temporary password issued")
        REGISTRATION_REQUESTED = "registration_requested", _("Registration requested")
        REGISTRATION_REFUSED = "registration_refused", _("Registration refused")
        REGISTRATION_THROTTLED = (
            "registration_throttled",
            _("Registration refused: too many failures"),
        )
        REGISTRATION_EMAIL_SENT = "registration_email_sent", _("Registration e-mail sent")
        SESSIONS_ENDED = "sessions_ended", _("All sessions ended by staff")
        THROTTLE_LIFTED = "throttle_lifted", _("Login throttle lifted by staff")
        ACCOUNT_DISABLED = "account_disabled", _("Account disabled")
        ACCOUNT_ENABLED = "account_enabled", _("Account enabled")
        EMAIL_CONFIRMATION_SENT = "email_confirmation_sent", _("E-mail confirmation link sent")
        EMAIL_CHANGED = "email_changed", _("E-mail address changed")
        ACCESS_REQUESTED = "access_requested", _("Access to the customer number requested")
        ACCESS_REFUSED = "access_refused", _("Access to the customer number refused")
        MEMBERSHIP_GRANTED = "membership_granted", _("Access to the customer number given")
        MEMBERSHIP_CHANGED = "membership_changed", _("Access to the customer number changed")
        MEMBERSHIP_REVOKED = "membership_revoked", _("Access to the customer number taken away")
        CONTACT_CHANGED = "contact_changed", _("Contact data changed")
        CONSENT_GIVEN = "consent_given", _("Consent given")
        CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent withdrawn")
        OTHER_SESSIONS_ENDED = "other_sessions_ended", _("Other sessions ended by the customer")
        PASSKEY_ADDED = "passkey_added", _("Passkey added")
        PASSKEY_REMOVED = "passkey_removed", _("Passkey removed")
        PASSKEY_RENAMED = "passkey_renamed", _("Passkey renamed")
        PASSKEY_LOGIN_FAILED = "passkey_login_failed", _("Failed passkey login")
        DATA_EXPORT_REQUESTED = "data_export_requested", _("Data export requested")
        DATA_EXPORT_DOWNLOADED = "data_export_downloaded", _("Data export downloaded")
        STAFF_LOGIN = "staff_login", _("Staff login")
        STAFF_LOGIN_FAILED = "staff_login_failed", _("Failed staff login")
        STAFF_LOGIN_THROTTLED = (
            "staff_login_throttled",
            _("Staff login refused: too many failures"),
        )
        STAFF_TWO_FACTOR_ENROLLED = (
            "staff_two_factor_enrolled",
            _("Staff authenticator app set up"),
        )
        STAFF_TWO_FACTOR_RESET = (
            "staff_two_factor_reset",
            _("Staff authenticator app removed"),
        )
        CASE_FILED = "case_filed", _("Case filed")
        CASE_ASSIGNED = "case_assigned", _("Case assigned")
        CASE_ANSWERED = "case_answered", _("Case answered")
        CASE_NOTE_ADDED = "case_note_added", _("Internal note added to a case")
        CASE_STATUS_CHANGED = "case_status_changed", _("Case status changed")
        READING_SUBMITTED = "reading_submitted", _("Meter reading submitted")
        READING_ACCEPTED = "reading_accepted", _("Flagged reading accepted by staff")
        READING_REJECTED = "reading_rejected", _("Flagged reading rejected by staff")
        PHONE_CODE_SENT = "phone_code_sent", _("Mobile phone confirmation code sent")
        PHONE_CODE_FAILED = "phone_code_failed", _("Wrong mobile phone confirmation code")
        PHONE_CODE_THROTTLED = (
            "phone_code_throttled",
            _("Mobile phone confirmation refused: too many codes or failures"),
        )
        PHONE_CONFIRMED = "phone_confirmed", _("Mobile phone confirmed")

    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    kind = models.CharField(_("event"), max_length=40, choices=Kind.choices, db_index=True)
    customer_number = models.CharField(
        _("customer number"),
        max_length=40,
        blank=True,
        db_index=True,
        help_text=_("As given, also when no such customer exists."),
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return (
            f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.get_kind_display()} {self.customer_number}"
        )
