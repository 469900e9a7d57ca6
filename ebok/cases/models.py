"""Cases ("Sprawy"): requests and complaints a customer files, and the office's answers.

A case belongs to a customer number (not to a login): every login with access to the number
sees it. Its number (BOK/2026/000123) comes from a counter per year (ebok/cases/numbers.py).
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class CaseType(models.Model):
    """A kind of case the customer may file; administrators configure them in the office."""

    class Asks(models.TextChoices):
        NOTHING = "nothing", _("nothing more")
        INVOICE = "invoice", _("one of the customer's invoices")
        READING = "reading", _("one of the customer's readings")
        BANK_ACCOUNT = "bank_account", _("a bank account for a refund")
        CONTRACT_MATTER = "contract_matter", _("what the contract matter is")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_pl = models.CharField(_("name (Polish)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    description_pl = models.TextField(_("description (Polish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    asks = models.CharField(
        _("also asks for"), max_length=20, choices=Asks.choices, default=Asks.NOTHING
    )
    attachments_allowed = models.BooleanField(_("attachments allowed"), default=True)
    answer_days = models.PositiveSmallIntegerField(
        _("answer deadline (days)"),
        default=14,
        help_text=_("Calendar days from filing within which the utility must answer."),
    )
    active = models.BooleanField(
        _("offered to customers"), default=True, help_text=_("Existing cases keep their type.")
    )
    position = models.PositiveSmallIntegerField(_("position in the list"), default=0)

    class Meta:
        verbose_name = _("case type")
        verbose_name_plural = _("case types")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" else self.name_pl

    @property
    def description(self) -> str:
        return self.description_en if get_language() == "en" else self.description_pl


class ContractMatter(models.TextChoices):
    NEW_CONNECTION = "new_connection", _("new connection")
    TERMINATION = "termination", _("termination of the contract")
    CHANGE_OF_OWNER = "change_of_owner", _("change of owner")


class Case(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        IN_PROGRESS = "in_progress", _("in progress")
        WAITING = "waiting", _("waiting for the customer")
        CLOSED = "closed", _("closed")

    number = models.CharField(_("case number"), max_length=20, unique=True, editable=False)
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        on_delete=models.CASCADE,
        related_name="cases",
    )
    type = models.ForeignKey(
        CaseType, verbose_name=_("case type"), on_delete=models.PROTECT, related_name="cases"
    )
    subject = models.CharField(_("subject"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    invoice = models.ForeignKey(
        "billing.Invoice",
        verbose_name=_("invoice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reading = models.ForeignKey(
        "customers.Reading",
        verbose_name=_("reading"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bank_account = models.CharField(_("bank account for the refund"), max_length=26, blank=True)
    contract_matter = models.CharField(
        _("contract matter"), max_length=20, choices=ContractMatter.choices, blank=True
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
        limit_choices_to={"is_staff": True},
    )
    created_at = models.DateTimeField(_("filed"), default=timezone.now, db_index=True)
    due_on = models.DateField(_("answer due"), db_index=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The form's hidden key: a second submission of the same form finds the case it made.
    idempotency_key = models.UUIDField(editable=False)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["customer", "idempotency_key"], name="case_one_per_form"
            )
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.CLOSED

    def days_left(self, today: dt.date | None = None) -> int:
        return (self.due_on - (today or timezone.localdate())).days


class CaseCounter(models.Model):
    """The last case number given in a year; one row per year, locked while a number is taken."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class StatusChange(models.Model):
    """One step of a case's timeline: the status it went to, when, and who moved it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(_("status"), max_length=20, choices=Case.Status.choices)
    at = models.DateTimeField(_("time"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.status}"


class Message(models.Model):
    """A message in a case: the customer's, the office's answer, or the office's internal note."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_office = models.BooleanField(_("from the office"), default=False)
    internal = models.BooleanField(
        _("internal note"), default=False, help_text=_("The customer does not see it.")
    )
    body = models.TextField(_("message"))
    # The billing system or CRM pulls the customer's messages and acknowledges those it took:
    # integration.CaseMessageExport, as every pull (ebok/integration/services/pull.py).
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.created_at:%Y-%m-%d %H:%M}"


def _attachment_path(attachment, filename):
    # Never the uploaded name: a random one, with the extension of the checked content.
    return f"cases/{timezone.now():%Y/%m}/{filename}"


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=_attachment_path)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class AnswerTemplate(models.Model):
    """A text clerks start an answer from; administrators keep the list."""

    title = models.CharField(_("title"), max_length=100)
    body = models.TextField(_("text"))

    class Meta:
        verbose_name = _("answer template")
        verbose_name_plural = _("answer templates")
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title
