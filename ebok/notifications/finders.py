"""What the daily run finds due, event by event: lists of Occasions for notices.record().

Each occasion names what makes a notice one of a kind, so that the runs of later days (and a
second run the same day) find the same occasion again and record nothing new.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

from ebok.billing.balance import ZERO, balances, invoice_state, with_running_totals
from ebok.notifications.notices import BATCH, Occasion

OVERDUE_EVERY = timedelta(days=7)
# A reading window is told this many days before it opens (and up to the day it opens, so a
# window pushed late, or a day the run missed, is still told): time to note it, not to forget.
WINDOW_NOTICE_DAYS = 2


def _chunks(items, size=BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def new_invoices(today) -> list[Occasion]:
    from ebok.billing.models import Invoice

    since = today - timedelta(days=settings.NOTICE_NEW_INVOICE_DAYS)
    rows = Invoice.objects.filter(issued_on__gte=since, issued_on__lte=today, gross__gt=0)
    return [
        Occasion(customer_id, f"invoice-{pk}", {"invoice": pk})
        for pk, customer_id in rows.order_by("pk").values_list("pk", "customer_id")
    ]


def payments_due(today) -> list[Occasion]:
    """Invoices falling due in NOTICE_DUE_DAYS days with something left to pay on them."""
    from ebok.billing.models import Invoice

    due_on = today + timedelta(days=settings.NOTICE_DUE_DAYS)
    invoices = list(
        with_running_totals(Invoice.objects.filter(due_on=due_on, gross__gt=0)).order_by(
            "customer_id", "pk"
        )
    )
    found = []
    for chunk in _chunks(invoices):
        settled = balances({invoice.customer_id for invoice in chunk})
        for invoice in chunk:
            state = invoice_state(invoice, settled[invoice.customer_id].settled, today)
            if state.left_to_pay > ZERO:
                data = {
                    "invoice": invoice.pk,
                    "amount": str(state.left_to_pay),
                    "due_on": due_on.isoformat(),
                }
                found.append(Occasion(invoice.customer_id, f"invoice-{invoice.pk}", data))
    return found


def overdue(today) -> list[Occasion]:
    """Customers with something past due: told once, then again a week after the last notice
    at the earliest, for as long as it stays unpaid."""
    from ebok.billing.models import Invoice
    from ebok.notifications.events import OVERDUE
    from ebok.notifications.models import Notice

    past_due = dict(
        Invoice.objects.filter(due_on__lt=today, gross__gt=0)
        .order_by()
        .values("customer")
        .annotate(total=Sum("gross"))
        .values_list("customer", "total")
    )
    found = []
    # By calendar day, so that a run a few minutes earlier than last week's still counts a week.
    told_before = today - OVERDUE_EVERY
    for chunk in _chunks(sorted(past_due)):
        settled = balances(chunk)
        owing = {cid: past_due[cid] - settled[cid].settled for cid in chunk}
        owing = {cid: amount for cid, amount in owing.items() if amount > ZERO}
        last = dict(
            Notice.objects.filter(event=OVERDUE.key, customer__in=owing)
            .order_by()
            .values("customer")
            .annotate(last=Max("created_at"))
            .values_list("customer", "last")
        )
        for cid, amount in owing.items():
            if cid not in last or timezone.localdate(last[cid]) <= told_before:
                found.append(Occasion(cid, today.isoformat(), {"amount": str(amount)}))
    return found


def payments_received(today) -> list[Occasion]:
    """Payments of the last days (the billing system pushes them through the API); those a
    push already told of (notices.tell_payments) are found recorded."""
    from ebok.billing.models import Payment

    since = today - timedelta(days=settings.NOTICE_NEW_INVOICE_DAYS)
    rows = Payment.objects.filter(paid_on__gte=since, paid_on__lte=today, amount__gt=0)
    return [
        Occasion(customer_id, f"payment-{pk}", {"payment": pk})
        for pk, customer_id in rows.order_by("pk").values_list("pk", "customer_id")
    ]


def announcements(today) -> list[Occasion]:
    """Published announcements marked "also send", to the customers they are for."""
    from ebok.content.areas import customer_ids
    from ebok.content.models import Announcement

    found = []
    for announcement in Announcement.objects.published().filter(send_notice=True):
        found += [
            Occasion(cid, f"announcement-{announcement.pk}", {"announcement": announcement.pk})
            for cid in customer_ids(announcement)
        ]
    return found


def reading_windows(today) -> list[Occasion]:
    """Windows opening within WINDOW_NOTICE_DAYS days, of points with a meter in use: each
    told once to its point's customer."""
    from ebok.customers.models import ReadingWindow

    rows = ReadingWindow.objects.filter(
        opens_on__gte=today,
        opens_on__lte=today + timedelta(days=WINDOW_NOTICE_DAYS),
        service_point__meters__removed_on__isnull=True,
    ).distinct()
    return [
        Occasion(customer_id, f"window-{pk}", {"window": pk})
        for pk, customer_id in rows.order_by("pk").values_list("pk", "service_point__customer_id")
    ]


# The events the daily run looks for, in the order it records them.
FINDERS = {
    "new_invoice": new_invoices,
    "payment_due": payments_due,
    "overdue": overdue,
    "payment_received": payments_received,
    "announcement": announcements,
    "reading_window": reading_windows,
}
