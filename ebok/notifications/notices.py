"""Recording notices, then queueing their delivery: the two steps every event goes through.

record() writes one Notice per customer, occasion and channel the customer wants, skipping
what was recorded before (the unique constraint; see models.py). queue_due() hands pending
notices to the background workers; each is claimed by a conditional UPDATE, so two jobs running
at once queue each notice once, and a job killed halfway leaves notices that the next run
queues. A task delivers up to TASK_BATCH notices over one SMTP connection: a due-date run for
300,000 customers is 6,000 tasks rather than 300,000 (README, "Speed").
"""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ebok.notifications.models import Channel, Notice
from ebok.notifications.preferences import wanted_by

# A queued notice not delivered after this long lost its task (a worker killed mid-way, the
# queue wiped): the next run queues it again. Its delivery claims it, so it is sent at most once.
REQUEUE_AFTER = timedelta(hours=6)
BATCH = 1000
QUEUE_BATCH = 500
TASK_BATCH = 50


@dataclass(frozen=True)
class Occasion:
    customer_id: int
    occasion: str
    data: dict = field(default_factory=dict)


def _addresses(customer_ids, channel: str) -> dict[int, str]:
    from ebok.customers.models import Customer

    if channel == Channel.EMAIL:
        rows = Customer.objects.filter(pk__in=customer_ids).exclude(email="")
        return dict(rows.values_list("pk", "email"))
    # SMS only to the owner login's mobile number, and only once confirmed by a code.
    rows = Customer.objects.filter(
        pk__in=customer_ids, account__phone_confirmed_at__isnull=False
    ).exclude(account__phone="")
    return dict(rows.values_list("pk", "account__phone"))


def record(event_key: str, occasions: list[Occasion]) -> int:
    """Write the notices of these occasions that are wanted; how many were new."""
    from ebok.notifications.events import EVENTS

    created = 0
    event = EVENTS[event_key]
    for start in range(0, len(occasions), BATCH):
        chunk = occasions[start : start + BATCH]
        ids = list({o.customer_id for o in chunk})
        for channel in event.channels:
            wanted = wanted_by(ids, event_key, channel)
            addresses = _addresses(wanted, channel)
            rows = [
                Notice(
                    customer_id=o.customer_id,
                    event=event_key,
                    occasion=o.occasion,
                    channel=channel,
                    data=o.data,
                    recipient=addresses[o.customer_id],
                )
                for o in chunk
                if o.customer_id in addresses
            ]
            created += _insert_new(rows)
    return created


def _insert_new(rows: list[Notice]) -> int:
    """Insert what was not recorded before; the database's constraint settles any race."""
    if not rows:
        return 0
    first = rows[0]
    existing = set(
        Notice.objects.filter(
            customer__in={row.customer_id for row in rows},
            event=first.event,
            channel=first.channel,
            occasion__in={row.occasion for row in rows},
        ).values_list("customer_id", "occasion")
    )
    new = [row for row in rows if (row.customer_id, row.occasion) not in existing]
    Notice.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def queue_due(now=None) -> int:
    """Queue a delivery task for each pending notice that has none (or lost it)."""
    from ebok.notifications.tasks import deliver_notices

    now = now or timezone.now()
    due = Notice.objects.filter(status=Notice.Status.PENDING).filter(
        Q(queued_at__isnull=True) | Q(queued_at__lt=now - REQUEUE_AFTER)
    )
    due = due.filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
    queued = 0
    rows = due.order_by("id").values_list("id", "queued_at").iterator(chunk_size=QUEUE_BATCH)
    for batch in _batches(rows, QUEUE_BATCH):
        # Claim and queue in one transaction: the database task backend writes its tasks in it,
        # so a kill leaves both or neither. One commit a batch rather than a notice, as each
        # commit waits for the disk (300,000 notices are 300,000 waits otherwise).
        with transaction.atomic():
            claimed = [
                notice_id
                for notice_id, queued_at in batch
                if claim_for_queue(notice_id, queued_at, now)
            ]
            for start in range(0, len(claimed), TASK_BATCH):
                deliver_notices.enqueue(claimed[start : start + TASK_BATCH])
        queued += len(claimed)
    return queued


def _batches(rows, size: int):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def claim_for_queue(notice_id: int, seen_queued_at, now) -> bool:
    """Mark the notice queued, if nobody did since we looked (one winner among runs)."""
    return bool(Notice.objects.filter(pk=notice_id, queued_at=seen_queued_at).update(queued_at=now))


def notify(event_key: str, customer, data: dict, *, to: str = "") -> Notice | None:
    """Record a security notice (an event with always=True) and queue its delivery at once.

    It goes to the e-mail address on file, or to `to` (the address a change replaces, the
    address an invited login was invited at); None when there is none. The notice and its task
    are written in the caller's transaction: a change that is rolled back tells nobody.
    """
    from ebok.notifications.events import EVENTS
    from ebok.notifications.tasks import deliver_notice

    if not EVENTS[event_key].always:
        raise ValueError(f"{event_key} is chosen by customers: record it with record()")
    address = to or customer.email
    if not address:
        return None
    now = timezone.now()
    with transaction.atomic():
        notice = Notice.objects.create(
            customer=customer,
            event=event_key,
            # Every security notice is one of a kind: the moment and a random part.
            occasion=f"{now:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:16]}",
            channel=Channel.EMAIL,
            data=data,
            recipient=address,
            created_at=now,
            queued_at=now,
        )
        deliver_notice.enqueue(notice.pk)
    return notice


def tell_payments(payments) -> None:
    """Record "payment received" for new payments, and queue them once the push commits."""
    from ebok.notifications.events import PAYMENT_RECEIVED

    occasions = [
        Occasion(p.customer_id, f"payment-{p.pk}", {"payment": p.pk})
        for p in payments
        if p.amount > 0
    ]
    if record(PAYMENT_RECEIVED.key, occasions):
        transaction.on_commit(queue_due)
