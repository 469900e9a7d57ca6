"""POST endpoints that create or update records, all or nothing (services/batch.py)."""

from ninja import Router

from ebok.integration.schemas.batches import (
    BalancesBatch,
    BatchResult,
    CustomersBatch,
    InvoicesBatch,
    MembershipsBatch,
    Message,
    MetersBatch,
    MixedBatch,
    PaymentsBatch,
    ReadingsBatch,
    ReadingWindowsBatch,
    Rejection,
    ServicePointsBatch,
)
from ebok.integration.schemas.documents import DocumentsBatch
from ebok.integration.security import note_records
from ebok.integration.services.batch import import_batch
from ebok.integration.services.documents import import_documents

router = Router(tags=["push"])
RESPONSES = {
    200: BatchResult,
    401: Message,
    409: Message,
    413: Message,
    415: Message,
    422: Rejection,
}


def _result(total, by_section) -> dict:
    return {**vars(total), "sections": {name: vars(counts) for name, counts in by_section.items()}}


def _import(request, payload) -> dict:
    items = {name: getattr(payload, name) for name in type(payload).model_fields}
    note_records(request, sum(len(records) for records in items.values()))
    return _result(*import_batch(items, request=request))


@router.post("/customers", response=RESPONSES, summary="Create or update customers")
def push_customers(request, payload: CustomersBatch):
    return _import(request, payload)


@router.post("/service-points", response=RESPONSES, summary="Create or update service points")
def push_service_points(request, payload: ServicePointsBatch):
    return _import(request, payload)


@router.post("/meters", response=RESPONSES, summary="Create or update meters")
def push_meters(request, payload: MetersBatch):
    return _import(request, payload)


@router.post("/readings", response=RESPONSES, summary="Create or update meter readings")
def push_readings(request, payload: ReadingsBatch):
    return _import(request, payload)


@router.post(
    "/reading-windows",
    response=RESPONSES,
    summary="Create or update reading windows",
    description="The days on which a service point accepts self-readings. A service point "
    "with windows takes readings only inside one of them; one without any takes them any day.",
)
def push_reading_windows(request, payload: ReadingWindowsBatch):
    return _import(request, payload)


@router.post(
    "/invoices", response=RESPONSES, summary="Create or update invoices with their charges"
)
def push_invoices(request, payload: InvoicesBatch):
    return _import(request, payload)


@router.post("/payments", response=RESPONSES, summary="Create or update payments")
def push_payments(request, payload: PaymentsBatch):
    return _import(request, payload)


@router.post(
    "/balances",
    response=RESPONSES,
    summary="State what customers owe as of a day",
    description="Per customer: the amount due, of it overdue, the overpayment and the interest "
    "owed as of a day, with what is left to pay on each invoice. eBOK shows them instead of its "
    "own derivation while it knows of no invoice issued and no payment made after that day; "
    "invoices or payments of the customer pushed later without a balance make eBOK forget it.",
)
def push_balances(request, payload: BalancesBatch):
    return _import(request, payload)


@router.post(
    "/memberships",
    response=RESPONSES,
    summary="Give logins access to customer numbers, or change their role",
    description="The member's login (the member customer's own) gets access to the customer's "
    "number; each grant and change of role is audited and told to the number's e-mail on file.",
)
def push_memberships(request, payload: MembershipsBatch):
    return _import(request, payload)


@router.post(
    "/batch",
    response=RESPONSES,
    summary="Several kinds of record at once",
    description="Sections are written in the order customers, service_points, meters, "
    "readings, reading_windows, invoices, payments, balances, memberships, so a record may "
    "name one given earlier in the same request.",
)
def push_batch(request, payload: MixedBatch):
    return _import(request, payload)


@router.post("/documents", response=RESPONSES, summary="Create or update documents (PDF)")
def push_documents(request, payload: DocumentsBatch):
    note_records(request, len(payload.documents))
    counts = import_documents(payload.documents)
    return _result(counts, {"documents": counts})
