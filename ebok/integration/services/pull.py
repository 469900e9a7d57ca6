"""What eBOK collected for the billing system to take, each row once: readings customers
submitted, changes of contact data and consents (accounts.AccountChange), and the parts of
online payments the provider confirmed (payments.OnlinePaymentPart).

All are handed out the same way: in id order after a cursor, only rows not yet acknowledged;
the billing system acknowledges the ids it has stored (an export row per id: ReadingExport,
AccountChangeExport, OnlinePaymentExport), and acknowledged ones are not handed out again. See
docs/api.md.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404

from ebok.accounts.models import AccountChange
from ebok.customers.models import Reading, ReadingPhoto
from ebok.integration.models import AccountChangeExport, OnlinePaymentExport, ReadingExport
from ebok.payments.models import OnlinePaymentPart
from ebok.payments.selectors import paid_parts


def submitted_readings():
    return Reading.objects.filter(source=Reading.Source.CUSTOMER, external_id__isnull=True)


def ready_readings():
    """Submitted readings billing may take: a flagged one only once the office accepted it; a
    rejected one never (docs/consumption.md, "Readings to review")."""
    return submitted_readings().filter(Q(needs_review=False) | Q(review=Reading.Review.ACCEPTED))


def _pending(queryset, after: int, limit: int) -> tuple[list, bool]:
    """Up to `limit` rows not yet acknowledged with an id above `after`; and whether more
    follow."""
    rows = list(queryset.filter(id__gt=after, export__isnull=True).order_by("id")[: limit + 1])
    return rows[:limit], len(rows) > limit


def _acknowledge(known_rows, export_model, field: str, ids: list[int], token):
    """(newly acknowledged, acknowledged before, ids not known) for the rows of known_rows."""
    wanted = set(ids)
    with transaction.atomic():
        known = set(known_rows.filter(pk__in=wanted).values_list("pk", flat=True))
        before = set(
            export_model.objects.filter(**{f"{field}__in": known}).values_list(field, flat=True)
        )
        new = sorted(known - before)
        export_model.objects.bulk_create(
            [export_model(**{field: pk}, token=token) for pk in new], ignore_conflicts=True
        )
    return len(new), len(before), sorted(wanted - known)


def pending(after: int, limit: int) -> tuple[list[Reading], bool]:
    """Submitted readings not yet acknowledged, after the cursor."""
    queryset = (
        ready_readings()
        .select_related("meter__service_point__customer")
        .annotate(has_photo=Exists(ReadingPhoto.objects.filter(reading=OuterRef("pk"))))
    )
    return _pending(queryset, after, limit)


def photo_of(reading_id: int) -> ReadingPhoto:
    """The photo sent with a submitted reading (404 when there is none)."""
    return get_object_or_404(ReadingPhoto, reading_id=reading_id, reading__in=submitted_readings())


def acknowledge(ids: list[int], *, token=None) -> tuple[int, int, list[int]]:
    """Mark readings as taken: (newly acknowledged, acknowledged before, ids not known)."""
    known = Reading.objects.filter(source=Reading.Source.CUSTOMER)
    return _acknowledge(known, ReadingExport, "reading_id", ids, token)


def pending_changes(after: int, limit: int) -> tuple[list[AccountChange], bool]:
    """Changes of contact data and consents not yet acknowledged, after the cursor."""
    return _pending(AccountChange.objects.select_related("customer"), after, limit)


def acknowledge_changes(ids: list[int], *, token=None) -> tuple[int, int, list[int]]:
    return _acknowledge(AccountChange.objects.all(), AccountChangeExport, "change_id", ids, token)


# Cases: the messages customers wrote (new cases and their messages; ebok/cases/api.py).


def customer_messages():
    """Messages the billing system may take: the customers', not the office's nor its notes."""
    from ebok.cases.models import Message

    return Message.objects.filter(from_office=False, internal=False)


def pending_case_messages(after: int, limit: int) -> tuple[list, bool]:
    """Customers' messages not yet acknowledged, after the cursor, with what describes them."""
    queryset = customer_messages().select_related(
        "case__customer", "case__type", "case__invoice", "case__reading"
    )
    return _pending(queryset.prefetch_related("attachments"), after, limit)


def acknowledge_case_messages(ids: list[int], *, token=None) -> tuple[int, int, list[int]]:
    from ebok.integration.models import CaseMessageExport

    return _acknowledge(customer_messages(), CaseMessageExport, "message_id", ids, token)


def pending_online_payments(after: int, limit: int) -> tuple[list[OnlinePaymentPart], bool]:
    """Parts of paid online payments not yet acknowledged, after the cursor."""
    return _pending(paid_parts().select_related("payment", "customer", "invoice"), after, limit)


def acknowledge_online_payments(ids: list[int], *, token=None) -> tuple[int, int, list[int]]:
    return _acknowledge(paid_parts(), OnlinePaymentExport, "part_id", ids, token)
