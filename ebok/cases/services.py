"""What happens to a case: filed by a customer, answered and moved on by the office.

Every write is one transaction: a case is saved with its first message, attachments and
timeline entry, or not at all. The office's actions are audited with the clerk as the actor.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.cases.emails import tell_customer
from ebok.cases.models import Attachment, Case, Message, StatusChange
from ebok.cases.numbers import next_number
from ebok.cases.uploads import CheckedFile


@dataclass
class Filing:
    """What the customer's form gathered, checked."""

    type: object
    subject: str
    body: str
    idempotency_key: object
    invoice: object = None
    reading: object = None
    bank_account: str = ""
    contract_matter: str = ""
    files: list[CheckedFile] = field(default_factory=list)


def _add_message(case, author, body, files, *, from_office=False, internal=False) -> Message:
    message = Message.objects.create(
        case=case, author=author, body=body, from_office=from_office, internal=internal
    )
    for checked in files:
        Attachment.objects.create(
            message=message,
            file=checked.as_file(),
            name=checked.name,
            content_type=checked.content_type,
            size=len(checked.content),
        )
    return message


def file_case(request, filing: Filing) -> tuple[Case, bool]:
    """The case of request.customer, and whether it is new: the same form sent again finds
    the case it made."""
    customer, user = request.customer, request.user
    existing = customer.cases.filter(idempotency_key=filing.idempotency_key).first()
    if existing is not None:
        return existing, False
    now = timezone.now()
    try:
        with transaction.atomic():
            case = Case.objects.create(
                number=next_number(now),
                customer=customer,
                type=filing.type,
                subject=filing.subject,
                invoice=filing.invoice,
                reading=filing.reading,
                bank_account=filing.bank_account,
                contract_matter=filing.contract_matter,
                filed_by=user,
                created_at=now,
                due_on=timezone.localdate(now) + dt.timedelta(days=filing.type.answer_days),
                idempotency_key=filing.idempotency_key,
            )
            StatusChange.objects.create(case=case, status=case.status, at=now, by=user)
            _add_message(case, user, filing.body, filing.files)
            record(
                AuditEvent.Kind.CASE_FILED, request=request, customer=customer, detail=case.number
            )
    except IntegrityError:
        # The same form, sent twice at once: the other request made the case.
        existing = customer.cases.filter(idempotency_key=filing.idempotency_key).first()
        if existing is None:
            raise
        return existing, False
    return case, True


@transaction.atomic
def customer_writes(request, case, body: str, files: list[CheckedFile]) -> Message:
    """The customer's message; a case waiting for them goes back to the office."""
    message = _add_message(case, request.user, body, files)
    if case.status == Case.Status.WAITING:
        _set_status(case, Case.Status.IN_PROGRESS, request.user)
    return message


def _set_status(case, status, by) -> None:
    case.status = status
    case.closed_at = timezone.now() if status == Case.Status.CLOSED else None
    case.save(update_fields=["status", "closed_at"])
    StatusChange.objects.create(case=case, status=status, by=by)


def _office_actor(request):
    """The clerk acting; None when the billing system acts through the API (no user)."""
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated and user.is_staff else None


def _audit(request, kind, case, detail) -> None:
    api_token = getattr(request, "auth", None)
    if api_token is not None:
        detail = f"{detail}, by API token {api_token.name}"
    actor = _office_actor(request)
    record(kind, request=request, customer=case.customer, actor=actor, detail=detail)


@transaction.atomic
def answer(request, case, body: str, files: list[CheckedFile], status=None) -> Message:
    """The office answers the customer, and may move the case on in the same step."""
    message = _add_message(case, _office_actor(request), body, files, from_office=True)
    _audit(request, AuditEvent.Kind.CASE_ANSWERED, case, case.number)
    if status and status != case.status:
        change_status(request, case, status, tell=False)
    tell_customer(request, case, "answer")
    return message


@transaction.atomic
def add_note(request, case, body: str) -> Message:
    message = _add_message(case, _office_actor(request), body, [], from_office=True, internal=True)
    _audit(request, AuditEvent.Kind.CASE_NOTE_ADDED, case, case.number)
    return message


@transaction.atomic
def change_status(request, case, status, *, tell=True) -> None:
    if status == case.status:
        return
    _set_status(case, status, _office_actor(request))
    _audit(request, AuditEvent.Kind.CASE_STATUS_CHANGED, case, f"{case.number}: {status}")
    if tell:
        tell_customer(request, case, "status")


@transaction.atomic
def assign(request, case, assignee) -> None:
    if assignee == case.assignee:
        return
    case.assignee = assignee
    case.save(update_fields=["assignee"])
    who = assignee.get_username() if assignee else "-"
    _audit(request, AuditEvent.Kind.CASE_ASSIGNED, case, f"{case.number}: {who}")
