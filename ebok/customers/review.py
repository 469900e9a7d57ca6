"""The office's decision on a flagged self-reading: accepted (it counts and goes to billing) or
rejected with a reason the customer sees (it counts for nothing and billing never gets it).

Only a reading still waiting for review can be decided, and only once: the decision is a
conditional UPDATE, so two clerks pressing at the same moment make one decision. Both are
audited; a rejection is also told to the customer (the "reading_rejected" notice).
docs/consumption.md, "Readings to review".
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ebok.audit.log import record as audit
from ebok.audit.models import AuditEvent
from ebok.customers.models import Reading
from ebok.customers.tasks import check_leaks_after_commit


class AlreadyDecided(Exception):
    """The reading is not (or no longer) waiting for review."""


def _decide(request, reading, outcome: str, reason: str = "") -> Reading:
    now = timezone.now()
    decided = Reading.objects.to_review().filter(pk=reading.pk)
    changed = decided.update(
        review=outcome, review_reason=reason, reviewed_at=now, reviewed_by=request.user
    )
    if not changed:
        raise AlreadyDecided(_("This reading has been decided on already, or it was replaced."))
    reading.refresh_from_db()
    return reading


def _detail(reading) -> str:
    meter = reading.meter
    return f"{meter.serial_number}: {reading.value:.3f} m³, {reading.read_on.isoformat()}"


@transaction.atomic
def accept(request, reading) -> Reading:
    reading = _decide(request, reading, Reading.Review.ACCEPTED)
    audit(
        AuditEvent.Kind.READING_ACCEPTED,
        request=request,
        actor=request.user,
        customer=reading.meter.service_point.customer,
        detail=_detail(reading),
    )
    return reading


@transaction.atomic
def reject(request, reading, reason: str) -> Reading:
    from ebok.notifications.events import READING_REJECTED
    from ebok.notifications.notices import Occasion, queue_due, record

    reason = reason.strip()
    if not reason:
        raise ValueError("a rejection needs a reason the customer can read")
    reading = _decide(request, reading, Reading.Review.REJECTED, reason)
    customer = reading.meter.service_point.customer
    audit(
        AuditEvent.Kind.READING_REJECTED,
        request=request,
        actor=request.user,
        customer=customer,
        detail=f"{_detail(reading)}; reason: {reason}",
    )
    # A reading replaced on the same day and rejected again is a new occasion: its own notice.
    occasion = f"reading-{reading.pk}-rejected-{int(reading.reviewed_at.timestamp())}"
    data = {"reading": reading.pk, "reason": reason}
    if record(READING_REJECTED.key, [Occasion(customer.pk, occasion, data)]):
        transaction.on_commit(queue_due)
    # The rejected value no longer counts: the leak check looks at the point again.
    check_leaks_after_commit([reading.meter.service_point_id])
    return reading
