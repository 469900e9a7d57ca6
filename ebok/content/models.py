from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ebok.content.validators import validate_pdf_upload
from ebok.customers.models import Customer


class PublishedQuerySet(models.QuerySet):
    def published(self, now=None):
        now = now or timezone.now()
        return self.filter(published_from__lte=now).filter(
            Q(published_until__isnull=True) | Q(published_until__gt=now)
        )


class Announcement(models.Model):
    """ "Informacje dla klienta": news shown while published, to every customer or only to
    those with a service point in the areas or among the points chosen (ebok/content/areas.py).
    """

    class Audience(models.TextChoices):
        ALL = "all", _("all customers")
        AREA = "area", _("customers in the chosen localities, streets or service points")

    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    date = models.DateField(_("date"))
    published_from = models.DateTimeField(_("published from"), default=timezone.now)
    published_until = models.DateTimeField(_("published until"), null=True, blank=True)
    audience = models.CharField(
        _("for"), max_length=10, choices=Audience.choices, default=Audience.ALL
    )
    service_points = models.ManyToManyField(
        "customers.ServicePoint",
        verbose_name=_("service points"),
        blank=True,
        related_name="announcements",
    )
    send_notice = models.BooleanField(
        _("also send"),
        default=False,
        help_text=_(
            "Also send it, once published, to the customers it is for who want announcements "
            "by e-mail or SMS."
        ),
    )

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"


class AnnouncementArea(models.Model):
    """A locality, or one street of it, an announcement is for."""

    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="areas", verbose_name=_("announcement")
    )
    city = models.CharField(_("locality"), max_length=100)
    street = models.CharField(
        _("street"),
        max_length=200,
        blank=True,
        help_text=_(
            "As in the service points' addresses, without the number, e.g. ul. Gdańska. "
            "Empty: the whole locality."
        ),
    )

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self) -> str:
        return f"{self.city}, {self.street}" if self.street else self.city


class Document(models.Model):
    """A file for one customer, or for all when no customer is set (terms, tariffs)."""

    class Kind(models.TextChoices):
        TERMS = "terms", _("terms of service")
        TARIFF = "tariff", _("tariff")
        CONTRACT = "contract", _("contract")
        LETTER = "letter", _("letter")
        OTHER = "other", _("other")

    customer = models.ForeignKey(
        Customer,
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="documents",
        help_text=_("Empty: the document is for all customers."),
    )
    external_id = models.CharField(
        _("billing system id"), max_length=64, unique=True, null=True, blank=True
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    file = models.FileField(
        _("file"),
        upload_to="documents/%Y/",
        validators=[validate_pdf_upload],
    )
    published_from = models.DateTimeField(_("published from"), default=timezone.now)
    published_until = models.DateTimeField(_("published until"), null=True, blank=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return self.title


class PrivacyPolicy(models.Model):
    """One version of "Polityka prywatności" (GDPR art. 13), written by the utility.

    Versions are never edited once saved: a change is a new version, so the text a customer
    was shown on a given day can always be read again. Until the utility writes its own, the
    portal shows a default built from the settings (ebok/public/privacy.py).
    """

    version = models.PositiveIntegerField(_("version"), unique=True, editable=False)
    text_pl = models.TextField(
        _("text in Polish"),
        help_text=_(
            "Paragraphs are separated by an empty line; a line starting with “# ” is a "
            "heading, lines starting with “- ” are a list."
        ),
    )
    text_en = models.TextField(
        _("text in English"), blank=True, help_text=_("Empty: English readers see the Polish text.")
    )
    effective_from = models.DateTimeField(_("in force from"), default=timezone.now)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("privacy policy version")
        verbose_name_plural = _("privacy policy versions")
        ordering = ["-version"]

    def __str__(self) -> str:
        return _("Version %(version)d") % {"version": self.version}

    def save(self, *args, **kwargs):
        if self.version is None:
            latest = PrivacyPolicy.objects.aggregate(models.Max("version"))["version__max"]
            self.version = (latest or 0) + 1
        super().save(*args, **kwargs)

    @classmethod
    def in_force(cls, now=None):
        """The version in force now, or None while the utility has written none."""
        now = now or timezone.now()
        return cls.objects.filter(effective_from__lte=now).first()

    def text_for(self, language: str) -> str:
        return self.text_en if language == "en" and self.text_en.strip() else self.text_pl
