"""GET the online payments the provider confirmed; POST which of them the billing system has
taken (the same cursor and acknowledgement as the submitted readings)."""

from django.utils import timezone
from ninja import Query, Router

from ebok.integration.schemas.batches import Message, Rejection
from ebok.integration.schemas.online_payments import (
    OnlinePayments,
    OnlinePaymentsAcknowledged,
    OnlinePaymentsAcknowledgement,
)
from ebok.integration.security import note_records
from ebok.integration.services import pull
from ebok.integration.views.pull import Page

router = Router(tags=["pull"])


@router.get(
    "/online-payments",
    response={200: OnlinePayments, 401: Message, 422: Rejection},
    summary="Online payments the provider confirmed, not yet acknowledged",
)
def online_payments(request, page: Query[Page]):
    parts, has_more = pull.pending_online_payments(page.after, page.limit)
    note_records(request, len(parts))
    return {
        "payments": [_part(part) for part in parts],
        "next_cursor": parts[-1].id if parts else page.after,
        "has_more": has_more,
    }


@router.post(
    "/online-payments/ack",
    response={
        200: OnlinePaymentsAcknowledged,
        401: Message,
        413: Message,
        415: Message,
        422: Rejection,
    },
    summary="Acknowledge online payments the billing system has stored",
)
def acknowledge_online_payments(request, payload: OnlinePaymentsAcknowledgement):
    note_records(request, len(payload.ids))
    new, before, unknown = pull.acknowledge_online_payments(payload.ids, token=request.auth)
    return {"acknowledged": new, "already_acknowledged": before, "unknown": unknown}


def _part(part) -> dict:
    payment = part.payment
    return {
        "id": part.id,
        "provider": payment.provider,
        "provider_transaction_id": payment.provider_transaction_id,
        "session_id": str(payment.session_id),
        "customer_external_id": part.customer.external_id,
        "customer_number": part.customer.number,
        "amount": part.amount,
        "transaction_amount": payment.amount,
        "invoice_external_id": part.invoice.external_id if part.invoice else None,
        "invoice_number": part.invoice.number if part.invoice else None,
        "paid_at": payment.paid_at,
        "paid_on": timezone.localdate(payment.paid_at),
        "method": payment.method,
    }
