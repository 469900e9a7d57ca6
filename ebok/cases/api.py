"""Cases in the integration API: the billing system or the utility's CRM pulls what customers
wrote (new cases and their messages), acknowledges what it took, and pushes answers and status
changes back. Mounted with the integration API's other endpoints (docs/api.md, "Cases").

An answer or status change pushed here is the office's, as if a clerk made it: the customer is
e-mailed and the audit log names the API token.
"""

from datetime import date, datetime
from typing import Literal

from django.db import transaction
from django.db.models import Min
from ninja import Query, Router
from pydantic import Field

from ebok.cases import services
from ebok.cases.models import Case, Message
from ebok.integration.errors import BatchRejected, RecordError
from ebok.integration.schemas.batches import LimitedBatch, Rejection
from ebok.integration.schemas.batches import Message as Detail
from ebok.integration.schemas.types import PositiveId, Record, Schema
from ebok.integration.security import note_records
from ebok.integration.services import pull

router = Router(tags=["cases"])

PAGE_MAX = 1000  # part of the published schema, so not a setting
BODY_MAX = 5000
CaseStatus = Literal["submitted", "in_progress", "waiting", "closed"]


class Page(Schema):
    after: int = Field(0, ge=0, le=2**63 - 1, description="The cursor: only ids above it.")
    limit: int = Field(100, ge=1, le=PAGE_MAX, description="At most this many.")


class AttachmentOut(Schema):
    name: str
    content_type: str
    size: int


class CustomerMessage(Schema):
    id: int = Field(description="eBOK's id of the message; also the cursor.")
    case_number: str = Field(examples=["BOK/2026/000123"])
    first_in_case: bool = Field(description="True for the message that filed the case.")
    case_type: str = Field(description="The case type's code, e.g. invoice_complaint.")
    case_status: CaseStatus
    subject: str
    customer_number: str
    customer_external_id: str | None
    invoice_external_id: str | None
    invoice_number: str | None
    reading_external_id: str | None
    bank_account: str = Field(description="The NRB (26 digits) a refund should go to, or empty.")
    contract_matter: str = Field(
        description="new_connection, termination, change_of_owner or empty."
    )
    filed_at: datetime
    due_on: date
    body: str
    written_at: datetime
    attachments: list[AttachmentOut] = Field(
        description="The files, to be read in the office; their content is not sent."
    )


class CustomerMessages(Schema):
    messages: list[CustomerMessage]
    next_cursor: int = Field(
        description="Pass as `after` for the next page: the last id returned (or `after`)."
    )
    has_more: bool


class Acknowledgement(LimitedBatch):
    ids: list[PositiveId] = Field(description="Ids of messages the billing system has taken.")


class Acknowledged(Schema):
    acknowledged: int = Field(description="Newly acknowledged.")
    already_acknowledged: int
    unknown: list[int] = Field(description="Ids that are no message written by a customer.")


class CaseUpdate(Record):
    case_number: str = Field(max_length=20, examples=["BOK/2026/000123"])
    answer: str = Field(
        "", max_length=BODY_MAX, description="The answer the customer reads; empty for none."
    )
    status: CaseStatus | None = Field(None, description="The case's new status, if it changes.")


class CaseUpdates(LimitedBatch):
    updates: list[CaseUpdate]


class Applied(Schema):
    answered: int
    status_changed: int


@router.get(
    "/case-messages",
    response={200: CustomerMessages, 401: Detail, 422: Rejection},
    summary="Cases and messages customers wrote, not yet acknowledged",
)
def pull_case_messages(request, page: Query[Page]):
    rows, has_more = pull.pending_case_messages(page.after, page.limit)
    first_ids = _first_message_ids({message.case_id for message in rows})
    note_records(request, len(rows))
    return {
        "messages": [_message(message, message.id in first_ids) for message in rows],
        "next_cursor": rows[-1].id if rows else page.after,
        "has_more": has_more,
    }


def _first_message_ids(case_ids) -> set[int]:
    """The message that filed each case: its first."""
    return set(
        Message.objects.filter(case_id__in=case_ids)
        .values("case_id")
        .annotate(first=Min("id"))
        .values_list("first", flat=True)
    )


@router.post(
    "/case-messages/ack",
    response={200: Acknowledged, 401: Detail, 413: Detail, 415: Detail, 422: Rejection},
    summary="Acknowledge customers' messages the billing system has taken",
)
def acknowledge_case_messages(request, payload: Acknowledgement):
    note_records(request, len(payload.ids))
    new, before, unknown = pull.acknowledge_case_messages(payload.ids, token=request.auth)
    return {"acknowledged": new, "already_acknowledged": before, "unknown": unknown}


@router.post(
    "/case-updates",
    response={200: Applied, 401: Detail, 413: Detail, 415: Detail, 422: Rejection},
    summary="Answer cases and change their status, as the office",
)
def push_case_updates(request, payload: CaseUpdates):
    """All or nothing: an unknown case number rejects the whole batch."""
    note_records(request, len(payload.updates))
    numbers = {update.case_number for update in payload.updates}
    cases = {case.number: case for case in Case.objects.filter(number__in=numbers)}
    errors = [
        RecordError("updates", index, "case_number", "No case has this number.")
        for index, update in enumerate(payload.updates)
        if update.case_number not in cases
    ]
    errors += [
        RecordError("updates", index, None, "Give an answer, a status, or both.")
        for index, update in enumerate(payload.updates)
        if not update.answer.strip() and update.status is None
    ]
    if errors:
        raise BatchRejected(errors)
    answered = changed = 0
    with transaction.atomic():
        for update in payload.updates:
            case = cases[update.case_number]
            before = case.status
            if update.answer.strip():
                services.answer(request, case, update.answer.strip(), [], update.status)
                answered += 1
            elif update.status:
                services.change_status(request, case, update.status)
            changed += case.status != before
    return {"answered": answered, "status_changed": changed}


def _message(message, first: bool) -> dict:
    case = message.case
    return {
        "id": message.id,
        "case_number": case.number,
        "first_in_case": first,
        "case_type": case.type.code,
        "case_status": case.status,
        "subject": case.subject,
        "customer_number": case.customer.number,
        "customer_external_id": case.customer.external_id,
        "invoice_external_id": case.invoice.external_id if case.invoice else None,
        "invoice_number": case.invoice.number if case.invoice else None,
        "reading_external_id": case.reading.external_id if case.reading else None,
        "bank_account": case.bank_account,
        "contract_matter": case.contract_matter,
        "filed_at": case.created_at,
        "due_on": case.due_on,
        "body": message.body,
        "written_at": message.created_at,
        "attachments": [
            {"name": a.name, "content_type": a.content_type, "size": a.size}
            for a in message.attachments.all()
        ],
    }
