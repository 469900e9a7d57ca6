from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ebok.customers.nip import validate_nip

customer_number_validator = RegexValidator(
    r"^[0-9]{1,20}$", _("A customer number is made of digits only, e.g. 001234.")
)


def normalize_customer_number(raw: str) -> str:
    """What a customer typed as their number, as stored: spaces around it do not count."""
    return (raw or "").strip()


class Customer(models.Model):
    """A person or company with a supply contract: the one who logs in to the portal."""

    number = models.CharField(
        _("customer number"),
        max_length=20,
        unique=True,
        validators=[customer_number_validator],
        help_text=_("Digits, leading zeros kept, e.g. 001234."),
    )
    name = models.CharField(_("name or company name"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    street = models.CharField(_("street and number"), max_length=200)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    external_id = models.CharField(
        _("billing system id"), max_length=64, unique=True, null=True, blank=True
    )
    bank_account = models.CharField(
        _("account for payments"),
        max_length=26,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{26}$", _("An account number (NRB) has 26 digits."))],
        help_text=_("26 digits (NRB). Empty: derived from the bank code and the customer number."),
    )
    # A company's tax number, from the billing system. A database default too: bulk loads
    # COPY customers without it.
    nip = models.CharField(
        "NIP",
        max_length=10,
        blank=True,
        default="",
        db_default="",
        validators=[validate_nip],
        help_text=_("A company's tax number: 10 digits, without dashes."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    @property
    def address(self) -> str:
        """One line, as the seed shows it: "07-100 Węgrów, ul. Wyszyńskiego 1"."""
        return f"{self.postal_code} {self.city}, {self.street}"


class ServicePoint(models.Model):
    """An address where the utility supplies water or collects sewage for the customer."""

    customer = models.ForeignKey(
        Customer,
        verbose_name=_("customer"),
        on_delete=models.CASCADE,
        related_name="service_points",
    )
    external_id = models.CharField(
        _("billing system id"), max_length=64, unique=True, null=True, blank=True
    )
    code = models.CharField(_("point code"), max_length=40)
    postal_code = models.CharField(_("postal code"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    street = models.CharField(_("street and number"), max_length=200)
    water = models.BooleanField(_("water supply"), default=True)
    sewage = models.BooleanField(_("sewage collection"), default=True)
    norm_monthly_use = models.DecimalField(
        _("tariff group norm (m³ a month)"),
        max_digits=9,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("The expected use of a new meter, before it has a history of its own."),
    )

    class Meta:
        verbose_name = _("service point")
        verbose_name_plural = _("service points")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.address}"

    @property
    def address(self) -> str:
        return f"{self.postal_code} {self.city}, {self.street}"


class Meter(models.Model):
    class Kind(models.TextChoices):
        MAIN = "main", _("main meter")
        SUB = "sub", _("sub-meter")

    service_point = models.ForeignKey(
        ServicePoint,
        verbose_name=_("service point"),
        on_delete=models.CASCADE,
        related_name="meters",
    )
    external_id = models.CharField(
        _("billing system id"), max_length=64, unique=True, null=True, blank=True
    )
    serial_number = models.CharField(_("serial number"), max_length=40)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MAIN)
    description = models.CharField(
        _("description"), max_length=100, blank=True, help_text=_("E.g. garden.")
    )
    installed_on = models.DateField(_("installed on"))
    removed_on = models.DateField(_("removed on"), null=True, blank=True)
    register_digits = models.PositiveSmallIntegerField(
        _("digits of the register"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("Digits before the comma, e.g. 5: the meter shows at most 99999,999 m³."),
    )
    legalised_until = models.DateField(_("legalisation valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("meter")
        verbose_name_plural = _("meters")
        ordering = ["service_point", "kind", "serial_number"]

    def __str__(self) -> str:
        return self.serial_number


class ReadingQuerySet(models.QuerySet):
    def counted(self):
        """The readings that count: all but those the office rejected on review. Checks of a
        new reading, consumption and leak warnings all start from these."""
        return self.exclude(review=Reading.Review.REJECTED)

    def to_review(self):
        """Self-readings flagged as unlikely and not yet accepted or rejected by the office."""
        return self.filter(needs_review=True, review=Reading.Review.PENDING)


class Reading(models.Model):
    """A meter's value on a day; the consumption since the previous one is derived, not stored."""

    class Source(models.TextChoices):
        READER = "reader", _("meter reader")
        CUSTOMER = "customer", _("customer")
        REMOTE = "remote", _("remote")
        ESTIMATE = "estimate", _("estimate")

    class Review(models.TextChoices):
        # Also the state of a reading that was never flagged: nothing to decide on it.
        PENDING = "", pgettext_lazy("reading review", "no decision")
        ACCEPTED = "accepted", pgettext_lazy("reading review", "accepted")
        REJECTED = "rejected", pgettext_lazy("reading review", "rejected")

    meter = models.ForeignKey(
        Meter, verbose_name=_("meter"), on_delete=models.CASCADE, related_name="readings"
    )
    external_id = models.CharField(
        _("billing system id"), max_length=64, unique=True, null=True, blank=True
    )
    read_on = models.DateField(_("reading date"))
    value = models.DecimalField(_("value (m³)"), max_digits=12, decimal_places=3)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    # A database default too: the demo data and bulk loads COPY rows without this column.
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        db_default=False,
        help_text=_("Outside the expected range and confirmed by the customer."),
    )
    # The office's decision on a flagged reading (docs/consumption.md, "Readings to review").
    review = models.CharField(
        _("review"),
        max_length=10,
        choices=Review.choices,
        blank=True,
        default=Review.PENDING,
        db_default=Review.PENDING,
    )
    review_reason = models.CharField(
        _("reason for rejection"),
        max_length=300,
        blank=True,
        db_default="",
        help_text=_("The customer sees it next to the reading."),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = ReadingQuerySet.as_manager()

    class Meta:
        verbose_name = _("reading")
        verbose_name_plural = _("readings")
        ordering = ["meter", "-read_on"]
        indexes = [models.Index(fields=["meter", "-read_on"])]

    def __str__(self) -> str:
        return f"{self.meter} {self.read_on} {self.value}"


class FlaggedReadingManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(needs_review=True)


class ReadingToReview(Reading):
    """The office's view of flagged self-readings ("Odczyty do sprawdzenia"), with permissions
    of its own: viewing the list, and accepting or rejecting (change)."""

    objects = FlaggedReadingManager()

    class Meta:
        proxy = True
        verbose_name = _("reading to review")
        verbose_name_plural = _("readings to review")


class ReadingWindow(models.Model):
    """Days on which a service point accepts self-readings, as the billing system plans them."""

    service_point = models.ForeignKey(
        ServicePoint,
        verbose_name=_("service point"),
        on_delete=models.CASCADE,
        related_name="reading_windows",
    )
    external_id = models.CharField(_("billing system id"), max_length=64, unique=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))

    class Meta:
        verbose_name = _("reading window")
        verbose_name_plural = _("reading windows")
        ordering = ["service_point", "opens_on"]
        indexes = [models.Index(fields=["service_point", "closes_on"])]

    def __str__(self) -> str:
        return f"{self.service_point.code} {self.opens_on} - {self.closes_on}"


class ReadingPhoto(models.Model):
    """The customer's photo of the meter, re-encoded as JPEG without its metadata.

    Kept in the database rather than on disk: every app server sees it, backups hold it, and
    it is small after re-encoding (see ebok/customers/photos.py).
    """

    reading = models.OneToOneField(
        Reading, verbose_name=_("reading"), on_delete=models.CASCADE, related_name="photo"
    )
    content = models.BinaryField(_("JPEG image"))
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))

    class Meta:
        verbose_name = _("reading photo")
        verbose_name_plural = _("reading photos")

    def __str__(self) -> str:
        return str(self.reading)


class LeakWarning(models.Model):
    """A sustained rise over the point's own baseline (docs/consumption.md); open until the use
    falls back."""

    service_point = models.ForeignKey(
        ServicePoint,
        verbose_name=_("service point"),
        on_delete=models.CASCADE,
        related_name="leak_warnings",
    )
    since = models.DateField(_("rise since"))
    daily_use = models.DecimalField(_("daily use now (m³)"), max_digits=9, decimal_places=3)
    baseline = models.DecimalField(_("usual daily use (m³)"), max_digits=9, decimal_places=3)
    raised_at = models.DateTimeField(_("raised"), auto_now_add=True)
    cleared_on = models.DateField(_("cleared on"), null=True, blank=True)

    class Meta:
        verbose_name = _("leak warning")
        verbose_name_plural = _("leak warnings")
        ordering = ["-raised_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["service_point"],
                condition=models.Q(cleared_on__isnull=True),
                name="one_open_leak_warning_per_point",
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_point.code} {self.since}"
