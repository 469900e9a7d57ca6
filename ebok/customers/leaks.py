"""Leak warnings: a sustained rise of a service point's use over its own baseline.

The rule (docs/consumption.md has it with the reasons for each number):
- the point's use is taken from the readings of its main meters, interval by interval (a meter
  exchange starts a new meter's intervals, it makes no jump);
- the baseline is the larger of the median daily use over the year before the recent run and
  the daily use in the same weeks a year before (a garden watered every summer is no leak);
- a leak is RUN_INTERVALS consecutive latest intervals, together at least RUN_DAYS long, each
  above RISE_FACTOR times the baseline and at least MIN_RISE_M3 a day above it;
- the warning stays open until an interval falls back under the threshold.

A new warning is told to the customer by their notice channels, once: the notice's occasion is
the warning itself, so later checks that keep it open tell nothing again.
"""

from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from statistics import median

from django.db import transaction

from ebok.customers.models import LeakWarning, Meter, Reading
from ebok.customers.readings import use_between
from ebok.customers.volumes import THOUSANDTH

RUN_INTERVALS = 3
RUN_DAYS = 3
RISE_FACTOR = Decimal("1.5")
# 100 litres a day: a running toilet wastes more, a dripping tap about this much.
MIN_RISE_M3 = Decimal("0.100")
BASELINE_DAYS = 365
# A baseline needs this many intervals; fewer and no warning is raised.
MIN_BASELINE_INTERVALS = 3
HISTORY_DAYS = 2 * 365 + 31


def intervals(point, today: date) -> list[tuple[date, date, Decimal]]:
    """(from, to, daily use) of the point's main meters over the last two years, oldest
    first; one query."""
    rows = (
        Reading.objects.counted()
        .filter(
            meter__service_point=point,
            meter__kind=Meter.Kind.MAIN,
            read_on__gte=today - timedelta(days=HISTORY_DAYS),
        )
        .select_related("meter")
        .order_by("meter_id", "read_on", "id")
    )
    by_meter: dict[int, list[Reading]] = {}
    for reading in rows:
        by_meter.setdefault(reading.meter_id, []).append(reading)
    result = []
    for readings in by_meter.values():
        for a, b in pairwise(readings):
            days = (b.read_on - a.read_on).days
            used = use_between(a.meter, a.value, b.value)
            if days > 0 and used is not None:
                result.append((a.read_on, b.read_on, used / days))
    return sorted(result)


def _daily_between(spans, start: date, end: date) -> Decimal | None:
    """The average daily use of the intervals overlapping [start, end), weighted by days."""
    used, days = Decimal(0), 0
    for first, last, daily in spans:
        overlap = (min(last, end) - max(first, start)).days
        if overlap > 0:
            used += daily * overlap
            days += overlap
    return used / days if days else None


def assess(spans) -> tuple[date, Decimal, Decimal] | None:
    """(rise since, daily use now, baseline) when the latest intervals make a leak, else None."""
    if len(spans) < RUN_INTERVALS + MIN_BASELINE_INTERVALS:
        return None
    run = spans[-RUN_INTERVALS:]
    run_start, run_end = run[0][0], run[-1][1]
    if (run_end - run_start).days < RUN_DAYS:
        return None
    before = [
        daily
        for first, last, daily in spans[:-RUN_INTERVALS]
        if last <= run_start and first >= run_start - timedelta(days=BASELINE_DAYS)
    ]
    if len(before) < MIN_BASELINE_INTERVALS:
        return None
    baseline = Decimal(median(before))
    year = timedelta(days=365)
    last_year = _daily_between(spans, run_start - year, run_end - year)
    if last_year is not None:
        baseline = max(baseline, last_year)
    threshold = max(baseline * RISE_FACTOR, baseline + MIN_RISE_M3)
    if all(daily > threshold for _first, _last, daily in run):
        # The rise began with the first interval of the uninterrupted run over the threshold.
        since = run_start
        for first, _last, daily in reversed(spans[:-RUN_INTERVALS]):
            if daily <= threshold:
                break
            since = first
        now = run[-1][2]
        return since, now.quantize(THOUSANDTH), baseline.quantize(THOUSANDTH)
    return None


@transaction.atomic
def check_point(point, today: date) -> LeakWarning | None:
    """Raise, keep or clear the point's warning after new readings; returns the open one. A
    new one is told to the customer."""
    spans = intervals(point, today)
    found = assess(spans)
    current = (
        LeakWarning.objects.select_for_update()
        .filter(service_point=point, cleared_on__isnull=True)
        .first()
    )
    if found is None:
        if current is not None:
            current.cleared_on = spans[-1][1] if spans else today
            current.save(update_fields=["cleared_on"])
        return None
    since, daily, baseline = found
    if current is None:
        warning = LeakWarning.objects.create(
            service_point=point, since=since, daily_use=daily, baseline=baseline
        )
        _tell(warning)
        return warning
    current.daily_use, current.baseline = daily, baseline
    current.save(update_fields=["daily_use", "baseline"])
    return current


def _tell(warning) -> None:
    """Record the leak notice with the warning (one transaction), queue it once committed."""
    from ebok.notifications.events import LEAK
    from ebok.notifications.notices import Occasion, queue_due, record

    occasion = Occasion(
        warning.service_point.customer_id, f"leak-{warning.pk}", {"warning": warning.pk}
    )
    if record(LEAK.key, [occasion]):
        transaction.on_commit(queue_due)
