from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class User(AbstractUser):
    """A login: a customer's account (tied to a Customer) or a member of staff (no customer).

    A customer's username is their customer number; they log in with it on the portal's form.
    """

    customer = models.OneToOneField(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="account",
    )
    temporary_password_expires_at = models.DateTimeField(
        _("temporary password expires"),
        null=True,
        blank=True,
        help_text=_("Set while the password is a temporary one that the customer must change."),
    )
    password_changed_at = models.DateTimeField(
        _("password set"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When the customer last set a password of their own, or was issued a temporary one."
        ),
    )
    # Contact data of the login (the person), not of a customer number: one person may reach
    # several numbers and wants one phone for their notices. Stored in E.164 ("+48601234567");
    # SMS go only to a number confirmed by a code sent to it, and changing it unconfirms it.
    phone = models.CharField(_("mobile phone"), max_length=16, blank=True)
    phone_confirmed_at = models.DateTimeField(
        _("mobile phone confirmed"), null=True, blank=True, editable=False
    )
    session_generation = models.PositiveIntegerField(
        _("session generation"),
        default=0,
        editable=False,
        help_text=_("Raised to end all of the user's sessions at their next request."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [
            ("manage_customer_account", _("Can issue passwords and manage customer accounts")),
        ]

    # Django keeps a hash of the password in each session and ends the session when the user's
    # hash no longer matches; mixing in session_generation lets the office end every session
    # of an account without touching its password, whatever the session store. Generation 0
    # gives Django's own hash, so sessions from before this field survive.
    def get_session_auth_hash(self) -> str:
        return self._session_auth_hash()

    def get_session_auth_fallback_hash(self):
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_auth_hash(secret)

    def _session_auth_hash(self, secret=None) -> str:
        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        value = self.password
        if self.session_generation:
            value = f"{value}:{self.session_generation}"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

    @property
    def has_own_password(self) -> bool:
        """A password the customer chose (not none, not unusable, not a temporary one)."""
        return (
            bool(self.password) and self.has_usable_password() and not self.has_temporary_password
        )

    @property
    def has_temporary_password(self) -> bool:
        return self.temporary_password_expires_at is not None

    @property
    def temporary_password_expired(self) -> bool:
        return self.has_temporary_password and self.temporary_password_expires_at <= timezone.now()


class Consent(models.Model):
    """A consent or acceptance a customer gave, with the version of the text they saw.

    Written once when given or withdrawn (at registration, in "Consents") and never edited: it
    is the evidence, and the newest row of a kind is the state in force. What each version said
    is in ebok/accounts/consents.py. Like the audit log it outlives the customer
    (the number is kept), and so it never stands in the way of deleting one.
    """

    class Kind(models.TextChoices):
        TERMS = "terms", _("terms of service accepted")
        E_INVOICE = "e_invoice", _("consent to electronic invoices (e-faktura)")

    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="consents",
    )
    customer_number = models.CharField(_("customer number"), max_length=20, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    version = models.CharField(
        _("version"), max_length=100, help_text=_("Which text or document was agreed to.")
    )
    given = models.BooleanField(
        _("given, not withdrawn"),
        default=True,
        help_text=_("Unticked: this row records a withdrawal."),
    )
    given_at = models.DateTimeField(_("given"), default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    username = models.CharField(
        _("login"), max_length=150, blank=True, help_text=_("The login that gave or withdrew it.")
    )

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at", "-id"]

    def __str__(self) -> str:
        return f"{self.customer_number} {self.get_kind_display()} {self.version}"


class EmailConfirmation(models.Model):
    """A change of who can reach a customer's account, waiting for its one-time e-mail link.

    The one confirmation mechanism (ebok/accounts/confirmations.py): a new e-mail on file is
    used only after the link sent to it is opened (registration, change of address); another
    login gets access to a number only when the number's owner opens the link sent to the
    address on file (access request) or when the person invited opens theirs (invitation).
    Only a hash of the link's token is kept.
    """

    class Purpose(models.TextChoices):
        REGISTRATION = "registration", _("registration")
        CHANGE = "change", _("change of e-mail address")
        ACCESS = "access", _("request for access to the customer number")
        INVITATION = "invitation", _("invitation to the customer number")

    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        on_delete=models.CASCADE,
        related_name="email_confirmations",
    )
    email = models.EmailField(_("e-mail address the link went to"))
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    details = models.JSONField(
        _("details"), default=dict, blank=True, help_text=_("What to do once confirmed.")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(
        _("used"), null=True, blank=True, help_text=_("Confirmed, or replaced by a newer link.")
    )

    class Meta:
        verbose_name = _("e-mail confirmation")
        verbose_name_plural = _("e-mail confirmations")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.email}"

    @property
    def role_display(self) -> str:
        """The role an access request or invitation gives, in the reader's language."""
        return Membership.Role(self.details.get("role", Membership.Role.VIEWER)).label


class Membership(models.Model):
    """A login's access to one customer number, and what it may do there.

    Every customer login holds at least its own number (owner); a property manager, a landlord,
    or a family member may hold several, and a number may be shared with other logins. The
    portal reaches a customer's data only through the membership of the number in use
    (ebok/accounts/numbers.py), checked on every request.
    """

    class Role(models.TextChoices):
        OWNER = "owner", _("owner")
        VIEWER = "viewer", _("viewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.OWNER)
    created_at = models.DateTimeField(_("since"), default=timezone.now)
    # Set only on memberships the billing system pushed (docs/api.md, "Memberships"): the API
    # changes and withdraws those alone, never one the office or the customer made.
    external_id = models.CharField(
        _("billing system id"), max_length=64, unique=True, null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("access to a customer number")
        verbose_name_plural = _("access to customer numbers")
        ordering = ["customer__number"]
        constraints = [
            models.UniqueConstraint(fields=["user", "customer"], name="one_membership_per_number")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.customer_id} ({self.role})"

    @property
    def is_owner(self) -> bool:
        return self.role == self.Role.OWNER


class CorrespondenceAddress(models.Model):
    """Where paper letters go, when the customer wants them elsewhere than the customer's own
    address (which the billing system owns and pushes)."""

    customer = models.OneToOneField(
        "customers.Customer",
        verbose_name=_("customer"),
        on_delete=models.CASCADE,
        related_name="correspondence_address",
    )
    postal_code = models.CharField(_("postal code"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    street = models.CharField(_("street and number"), max_length=200)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("correspondence address")
        verbose_name_plural = _("correspondence addresses")

    def __str__(self) -> str:
        return f"{self.postal_code} {self.city}, {self.street}"


class AccountChange(models.Model):
    """A change of contact data or consents made in eBOK, for the billing system to pull.

    Written with the change itself and handed out once through the integration API's pull
    (ebok/integration/services/pull.py), like readings customers submitted.
    """

    class Kind(models.TextChoices):
        EMAIL = "email", _("e-mail address")
        PHONE = "phone", _("mobile phone")
        CORRESPONDENCE_ADDRESS = "correspondence_address", _("correspondence address")
        E_INVOICE = "e_invoice", _("consent to electronic invoices (e-faktura)")

    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    customer_number = models.CharField(_("customer number"), max_length=20)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    value = models.JSONField(_("new value"), default=dict, blank=True)
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)

    class Meta:
        verbose_name = _("change of contact data or consents")
        verbose_name_plural = _("changes of contact data and consents")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.customer_number} {self.kind}"


class Passkey(models.Model):
    """A WebAuthn credential (passkey) a customer login signs in with instead of its password.

    Discoverable: the authenticator keeps the login's handle, so the login page asks for no
    number. Only the public key is stored; the sign count lets a cloned authenticator show.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.CASCADE,
        related_name="passkeys",
    )
    name = models.CharField(_("name"), max_length=60)
    credential_id = models.CharField(_("credential id"), max_length=1400, unique=True)
    public_key = models.BinaryField(_("public key"))
    sign_count = models.PositiveBigIntegerField(_("sign count"), default=0)
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("passkey")
        verbose_name_plural = _("passkeys")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.user} {self.name}"


class DataExport(models.Model):
    """A ZIP of everything the portal holds about a customer (GDPR art. 15 and 20), built in the
    background (ebok/accounts/export.py) and downloadable by the login that asked, for a day."""

    class Status(models.TextChoices):
        PENDING = "pending", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", pgettext_lazy("data export status", "failed")
        # Past its link's 24 hours: the file is deleted (export.prune_expired), the row stays.
        EXPIRED = "expired", pgettext_lazy("data export status", "expired")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.CASCADE,
        related_name="data_exports",
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    file = models.FileField(_("file"), upload_to="exports/", blank=True)
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    expires_at = models.DateTimeField(_("link valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def downloadable(self) -> bool:
        return (
            self.status == self.Status.READY
            and self.expires_at is not None
            and self.expires_at > timezone.now()
        )

    @property
    def expired(self) -> bool:
        """Its link has run out, whether or not the daily job has deleted the file yet."""
        if self.status == self.Status.EXPIRED:
            return True
        return self.status == self.Status.READY and not self.downloadable
