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
    """ "Informacje dla klienta": news for every customer, shown while published."""

    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    date = models.DateField(_("date"))
    published_from = models.DateTimeField(_("published from"), default=timezone.now)
    published_until = models.DateTimeField(_("published until"), null=True, blank=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"


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
