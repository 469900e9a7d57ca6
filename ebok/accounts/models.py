from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


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

    Written once when given (at registration) and never edited: it is the evidence. What each
    version said is in ebok/accounts/consents.py. Like the audit log it outlives the customer
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
    given_at = models.DateTimeField(_("given"), default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

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
