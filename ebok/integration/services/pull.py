"""Readings customers submitted in eBOK, for the billing system to take, each one once.

Submitted readings are Reading rows with source "customer" and no external_id (the billing
system's own readings have one). They are handed out in id order after a cursor; the billing
system acknowledges the ids it has stored, and acknowledged ones are not handed out again.
See docs/api.md.
"""

from django.db import transaction

from ebok.customers.models import Reading
from ebok.integration.models import ReadingExport


def submitted_readings():
    return Reading.objects.filter(source=Reading.Source.CUSTOMER, external_id__isnull=True)


def pending(after: int, limit: int) -> tuple[list[Reading], bool]:
    """Up to `limit` readings not yet acknowledged with an id above `after`; and whether more
    follow."""
    rows = list(
        submitted_readings()
        .filter(id__gt=after, export__isnull=True)
        .select_related("meter__service_point__customer")
        .order_by("id")[: limit + 1]
    )
    return rows[:limit], len(rows) > limit


def acknowledge(ids: list[int], *, token=None) -> tuple[int, int, list[int]]:
    """Mark readings as taken: (newly acknowledged, acknowledged before, ids not known)."""
    wanted = set(ids)
    with transaction.atomic():
        known = set(
            Reading.objects.filter(pk__in=wanted, source=Reading.Source.CUSTOMER).values_list(
                "pk", flat=True
            )
        )
        before = set(
            ReadingExport.objects.filter(reading_id__in=known).values_list("reading_id", flat=True)
        )
        new = sorted(known - before)
        ReadingExport.objects.bulk_create(
            [ReadingExport(reading_id=pk, token=token) for pk in new], ignore_conflicts=True
        )
    return len(new), len(before), sorted(wanted - known)
