"""Online payments ("Zapłać"): recorded in eBOK from the moment the customer starts one.

One OnlinePayment is one transaction at the provider; its parts say what it pays for, one part
per customer number (a property manager may pay several numbers at once). The billing system
pulls the paid parts (ebok/integration/services/pull.py) and, when it books one, pushes the
booked Payment with the part's id, which links the two (Payment.online_payment_part).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ebok.billing.models import MONEY


class OnlinePayment(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("awaiting confirmation")
        PAID = "paid", _("paid")
        FAILED = "failed", pgettext_lazy("online payment state", "failed")
        CANCELLED = "cancelled", _("cancelled")

    # Sent to the provider as its sessionId; random, so it says nothing and cannot be guessed.
    session_id = models.UUIDField(_("session id"), default=uuid.uuid4, unique=True, editable=False)
    provider = models.CharField(_("provider"), max_length=30)
    amount = models.DecimalField(_("amount"), **MONEY)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    token = models.CharField(_("provider's token"), max_length=100, blank=True)
    provider_transaction_id = models.CharField(
        _("provider's transaction id"), max_length=40, blank=True
    )
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    method = models.CharField(_("payment method"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("online payment")
        verbose_name_plural = _("online payments")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.session_id} {self.amount} {self.state}"


class OnlinePaymentPart(models.Model):
    """What one online payment pays for one customer number: an amount, and the invoice meant
    (none: what is due, or an advance)."""

    payment = models.ForeignKey(
        OnlinePayment,
        verbose_name=_("online payment"),
        on_delete=models.CASCADE,
        related_name="parts",
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        on_delete=models.CASCADE,
        related_name="online_payment_parts",
    )
    invoice = models.ForeignKey(
        "billing.Invoice",
        verbose_name=_("invoice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    amount = models.DecimalField(_("amount"), **MONEY)
    # Set when the billing system pushes the payment it booked for this part.
    booked = models.OneToOneField(
        "billing.Payment",
        verbose_name=_("booked payment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="online_part",
    )

    class Meta:
        verbose_name = _("online payment part")
        verbose_name_plural = _("online payment parts")
        ordering = ["id"]
        indexes = [models.Index(fields=["customer", "-id"])]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.amount}"


class Notification(models.Model):
    """Every notification the provider's side sent us, accepted or refused, with why: the log
    a clerk reads when a customer says "I paid"."""

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("accepted: paid")
        REPEATED = "repeated", _("repeated: already paid")
        BAD_SIGNATURE = "bad_signature", _("refused: bad signature")
        MISMATCH = "mismatch", _("refused: amount, merchant or currency differ")
        UNKNOWN = "unknown", _("refused: no such payment")
        NOT_VERIFIED = "not_verified", _("refused: the provider did not confirm it")

    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    provider = models.CharField(_("provider"), max_length=30)
    payment = models.ForeignKey(
        OnlinePayment,
        verbose_name=_("online payment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    body = models.TextField(_("body"), blank=True)

    class Meta:
        verbose_name = _("provider notification")
        verbose_name_plural = _("provider notifications")
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"{self.received_at:%Y-%m-%d %H:%M:%S} {self.get_outcome_display()}"
