"""Starting an online payment and taking the provider's word that it was paid.

A payment is recorded (pending) before the customer leaves for the gateway, so nothing the
provider later says can be about a payment eBOK does not know. It becomes paid only when a
notification is signed by the provider, is about the same amount, currency and merchant, and
the provider's API confirms it (verify); the switch to paid is one conditional UPDATE, so of any
number of duplicate notifications arriving at once exactly one records it.
"""

import logging
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ebok.payments.models import Notification, OnlinePayment, OnlinePaymentPart
from ebok.payments.providers.base import BadSignature, ProviderUnavailable

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Part:
    customer: object
    amount: Decimal
    invoice: object = None


def start(provider, parts: list[Part], *, user, description, email, language, urls) -> str:
    """Record a pending payment of `parts` and register it with the provider; the address to
    send the customer to. `urls(payment)` gives (return_url, notify_url).

    When the provider cannot be reached the payment is recorded as failed and
    ProviderUnavailable is raised: the customer is told, nothing is owed or paid.
    """
    with transaction.atomic():
        payment = OnlinePayment.objects.create(
            provider=provider.name, amount=sum(part.amount for part in parts), started_by=user
        )
        OnlinePaymentPart.objects.bulk_create(
            OnlinePaymentPart(
                payment=payment, customer=part.customer, invoice=part.invoice, amount=part.amount
            )
            for part in parts
        )
    return_url, notify_url = urls(payment)
    try:
        started = provider.start(
            payment,
            description=description,
            email=email,
            language=language,
            return_url=return_url,
            notify_url=notify_url,
        )
    except ProviderUnavailable:
        _leave_pending(payment, OnlinePayment.State.FAILED)
        raise
    OnlinePayment.objects.filter(pk=payment.pk).update(token=started.token)
    return started.redirect_url


def cancel(payment) -> bool:
    """The customer gave up at the gateway: a pending payment becomes cancelled. A
    notification that later proves it paid still wins (handle_notification)."""
    return _leave_pending(payment, OnlinePayment.State.CANCELLED)


def _leave_pending(payment, state) -> bool:
    changed = OnlinePayment.objects.filter(pk=payment.pk, state=OnlinePayment.State.PENDING).update(
        state=state
    )
    return bool(changed)


class Refused(Exception):
    """The notification changes nothing; `status` is the HTTP answer to the provider."""

    def __init__(self, status: int):
        self.status = status


def handle_notification(provider, body: bytes, ip_address=None) -> Notification:
    """Take one notification; the logged outcome, or Refused (with the status to answer)."""
    Outcome = Notification.Outcome

    def log(outcome, payment=None):
        text = body.decode("utf-8", "replace")[:4000]
        return Notification.objects.create(
            provider=provider.name,
            payment=payment,
            outcome=outcome,
            ip_address=ip_address,
            body=text,
        )

    try:
        notice = provider.parse_notification(body)
    except BadSignature as error:
        logger.warning("%s notification refused: %s", provider.name, error)
        log(Outcome.BAD_SIGNATURE)
        raise Refused(400) from error
    payment = OnlinePayment.objects.filter(
        provider=provider.name, session_id=_uuid_or_none(notice.session_id)
    ).first()
    if payment is None:
        log(Outcome.UNKNOWN)
        raise Refused(400)
    if payment.state == OnlinePayment.State.PAID:
        return log(Outcome.REPEATED, payment)
    if not provider.matches(payment, notice):
        logger.warning("%s notification for %s does not match it", provider.name, payment)
        log(Outcome.MISMATCH, payment)
        raise Refused(400)
    try:
        confirmed = provider.verify(payment, notice)
    except ProviderUnavailable as error:
        # Not logged as refused: the provider sends the notification again; answering 503
        # asks it to.
        raise Refused(503) from error
    if not confirmed:
        log(Outcome.NOT_VERIFIED, payment)
        raise Refused(400)
    with transaction.atomic():
        won = OnlinePayment.objects.filter(
            ~Q(state=OnlinePayment.State.PAID), pk=payment.pk
        ).update(
            state=OnlinePayment.State.PAID,
            paid_at=timezone.now(),
            provider_transaction_id=notice.transaction_id,
            method=notice.method,
        )
        return log(Outcome.ACCEPTED if won else Outcome.REPEATED, payment)


def _uuid_or_none(text: str):
    try:
        return uuid.UUID(text)
    except ValueError:
        return None
