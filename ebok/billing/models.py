from django.db import models
from django.utils.translation import gettext_lazy as _

from ebok.customers.models import Customer, ServicePoint

MONEY = {"max_digits": 12, "decimal_places": 2}


class Invoice(models.Model):
    """An invoice, corrective invoice or interest note, as issued by the billing system."""

    class Kind(models.TextChoices):
        INVOICE = "invoice", _("invoice")
        CORRECTION = "correction", _("corrective invoice")
        INTEREST_NOTE = "interest_note", _("interest note")

    customer = models.ForeignKey(
        Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="invoices"
    )
    external_id = models.CharField(
        _("billing system id"), max_length=64, unique=True, null=True, blank=True
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.INVOICE)
    number = models.CharField(_("number"), max_length=40, unique=True)
    issued_on = models.DateField(_("issue date"))
    period_start = models.DateField(_("billing period from"), null=True, blank=True)
    period_end = models.DateField(_("billing period to"), null=True, blank=True)
    due_on = models.DateField(_("due date"))
    net = models.DecimalField(_("net"), **MONEY)
    vat = models.DecimalField(_("VAT"), **MONEY)
    gross = models.DecimalField(_("gross"), **MONEY)
    pdf = models.FileField(_("PDF"), upload_to="invoices/%Y/%m/", blank=True)
    # KSeF (ebok/billing/ksef.py), when the billing system sends them. Database defaults too:
    # the demo data and bulk loads COPY invoices without these columns.
    ksef_number = models.CharField(_("KSeF number"), max_length=35, blank=True, db_default="")
    ksef_mode = models.CharField(
        _("KSeF issue mode"),
        max_length=10,
        choices=[("online", _("online")), ("offline", _("offline"))],
        blank=True,
        db_default="",
    )
    ksef_sha256 = models.CharField(
        _("SHA-256 of the invoice file"),
        max_length=64,
        blank=True,
        db_default="",
        help_text=_("64 hexadecimal digits: the hash in the KSeF verification link."),
    )

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["-issued_on", "-id"]
        indexes = [
            models.Index(fields=["customer", "-issued_on", "-id"]),
            models.Index(fields=["customer", "due_on", "id"]),
        ]

    def __str__(self) -> str:
        return self.number


class InvoiceLine(models.Model):
    """A charge ("naliczenie") on an invoice."""

    invoice = models.ForeignKey(
        Invoice, verbose_name=_("invoice"), on_delete=models.CASCADE, related_name="lines"
    )
    service_point = models.ForeignKey(
        ServicePoint,
        verbose_name=_("service point"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.CharField(_("description"), max_length=200)
    period_start = models.DateField(_("period from"), null=True, blank=True)
    period_end = models.DateField(_("period to"), null=True, blank=True)
    quantity = models.DecimalField(_("quantity"), max_digits=12, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=20)
    unit_net_price = models.DecimalField(_("unit net price"), max_digits=12, decimal_places=4)
    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=5, decimal_places=2)
    net = models.DecimalField(_("net"), **MONEY)
    vat = models.DecimalField(_("VAT"), **MONEY)
    gross = models.DecimalField(_("gross"), **MONEY)

    class Meta:
        verbose_name = _("charge")
        verbose_name_plural = _("charges")
        ordering = ["invoice", "id"]

    def __str__(self) -> str:
        return self.description


class Payment(models.Model):
    class Method(models.TextChoices):
        TRANSFER = "transfer", _("bank transfer")
        CASH = "cash", _("cash desk")
        CARD = "card", _("card")
        OTHER = "other", _("other")

    customer = models.ForeignKey(
        Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="payments"
    )
    external_id = models.CharField(
        _("billing system id"), max_length=64, unique=True, null=True, blank=True
    )
    paid_on = models.DateField(_("payment date"))
    amount = models.DecimalField(_("amount"), **MONEY)
    title = models.CharField(_("title"), max_length=200, blank=True)
    method = models.CharField(
        _("method"), max_length=10, choices=Method.choices, default=Method.TRANSFER
    )

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-paid_on", "-id"]
        indexes = [models.Index(fields=["customer", "-paid_on", "-id"])]

    def __str__(self) -> str:
        return f"{self.paid_on} {self.amount}"


class PushedBalance(models.Model):
    """What the billing system says a customer owes as of a day: used instead of eBOK's own
    derivation while nothing newer is known (ebok/billing/balance.py, docs/billing.md)."""

    customer = models.OneToOneField(
        Customer,
        verbose_name=_("customer"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="pushed_balance",
    )
    as_of = models.DateField(_("as of"))
    amount_due = models.DecimalField(_("amount due"), **MONEY)
    overdue = models.DecimalField(_("of which overdue"), **MONEY)
    overpayment = models.DecimalField(_("overpayment"), **MONEY)
    interest = models.DecimalField(_("interest owed"), **MONEY)
    received_at = models.DateTimeField(_("received"))

    class Meta:
        verbose_name = _("balance from the billing system")
        verbose_name_plural = _("balances from the billing system")

    def __str__(self) -> str:
        return f"{self.customer_id} {self.as_of} {self.amount_due}"


class PushedInvoiceBalance(models.Model):
    """What is left to pay on one invoice, as of the day of its customer's pushed balance.
    An invoice of that customer without one had nothing left to pay on that day."""

    balance = models.ForeignKey(
        PushedBalance,
        verbose_name=_("balance from the billing system"),
        on_delete=models.CASCADE,
        related_name="invoices",
    )
    invoice = models.OneToOneField(
        Invoice,
        verbose_name=_("invoice"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="pushed_amount_left",
    )
    left_to_pay = models.DecimalField(_("left to pay"), **MONEY)

    class Meta:
        verbose_name = _("amount left to pay on an invoice")
        verbose_name_plural = _("amounts left to pay on invoices")

    def __str__(self) -> str:
        return f"{self.invoice_id} {self.left_to_pay}"
