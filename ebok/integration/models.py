from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A key the billing system sends as `Authorization: Bearer <token>`.

    Only the SHA-256 of the token is kept; the token itself is shown once, when it is made
    (ebok/integration/tokens.py).
    """

    name = models.CharField(
        _("name"), max_length=100, help_text=_("Which system or job uses it, e.g. billing-nightly.")
    )
    secret_hash = models.CharField(_("token hash (SHA-256)"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ApiCall(models.Model):
    """One request to the integration API, answered or refused. Written once, never edited."""

    token = models.ForeignKey(
        ApiToken,
        verbose_name=_("API token"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="calls",
        help_text=_("Empty: the request had no valid token."),
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    method = models.CharField(_("method"), max_length=10)
    path = models.CharField(_("path"), max_length=300)
    status = models.PositiveSmallIntegerField(_("status"))
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    record_count = models.PositiveIntegerField(_("records"), null=True, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("API call")
        verbose_name_plural = _("API calls")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.method} {self.path} {self.status}"


class Export(models.Model):
    """A row eBOK collected that the billing system said it has taken (the pull)."""

    acknowledged_at = models.DateTimeField(_("acknowledged"), default=timezone.now)
    token = models.ForeignKey(
        ApiToken,
        verbose_name=_("API token"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


class ReadingExport(Export):
    """A reading a customer submitted that the billing system said it has taken (the pull)."""

    reading = models.OneToOneField(
        "customers.Reading",
        verbose_name=_("reading"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="export",
    )

    class Meta:
        verbose_name = _("reading taken by the billing system")
        verbose_name_plural = _("readings taken by the billing system")

    def __str__(self) -> str:
        return f"{self.reading_id} {self.acknowledged_at:%Y-%m-%d %H:%M}"


class AccountChangeExport(Export):
    """A change of contact data or consents the billing system said it has taken (the pull)."""

    change = models.OneToOneField(
        "accounts.AccountChange",
        verbose_name=_("change"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="export",
    )

    class Meta:
        verbose_name = _("change taken by the billing system")
        verbose_name_plural = _("changes taken by the billing system")

    def __str__(self) -> str:
        return f"{self.change_id} {self.acknowledged_at:%Y-%m-%d %H:%M}"


class CaseMessageExport(Export):
    """A customer's message in a case that the billing system or CRM said it has taken."""

    message = models.OneToOneField(
        "cases.Message",
        verbose_name=_("message"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="export",
    )

    class Meta:
        verbose_name = _("case message taken by the billing system")
        verbose_name_plural = _("case messages taken by the billing system")

    def __str__(self) -> str:
        return f"{self.message_id} {self.acknowledged_at:%Y-%m-%d %H:%M}"


class OnlinePaymentExport(Export):
    """A part of a paid online payment the billing system said it has taken (the pull)."""

    part = models.OneToOneField(
        "payments.OnlinePaymentPart",
        verbose_name=_("online payment part"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="export",
    )

    class Meta:
        verbose_name = _("online payment taken by the billing system")
        verbose_name_plural = _("online payments taken by the billing system")

    def __str__(self) -> str:
        return f"{self.part_id} {self.acknowledged_at:%Y-%m-%d %H:%M}"
