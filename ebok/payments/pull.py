"""Online payments the provider confirmed, for the billing system to book, each one once.

Like the submitted readings (ebok/integration/services/pull.py): parts of paid online payments
are handed out in id order after a cursor; the billing system acknowledges the ids it has
stored, and acknowledged ones are not handed out again. When it books one, it pushes the
payment with `online_payment_id`, and eBOK links the two (OnlinePaymentPart.booked).
"""

from django.db import transaction
from django.utils import timezone

from ebok.payments.models import OnlinePayment, OnlinePaymentPart


def paid_parts():
    return OnlinePaymentPart.objects.filter(payment__state=OnlinePayment.State.PAID)


def pending(after: int, limit: int) -> tuple[list[OnlinePaymentPart], bool]:
    """Up to `limit` paid parts not yet acknowledged with an id above `after`; and whether
    more follow."""
    rows = list(
        paid_parts()
        .filter(id__gt=after, exported_at__isnull=True)
        .select_related("payment", "customer", "invoice")
        .order_by("id")[: limit + 1]
    )
    return rows[:limit], len(rows) > limit


def acknowledge(ids: list[int]) -> tuple[int, int, list[int]]:
    """Mark parts as taken: (newly acknowledged, acknowledged before, ids not known)."""
    wanted = set(ids)
    with transaction.atomic():
        known = dict(paid_parts().filter(pk__in=wanted).values_list("pk", "exported_at"))
        before = {pk for pk, at in known.items() if at is not None}
        new = sorted(set(known) - before)
        OnlinePaymentPart.objects.filter(pk__in=new, exported_at__isnull=True).update(
            exported_at=timezone.now()
        )
    return len(new), len(before), sorted(wanted - set(known))
