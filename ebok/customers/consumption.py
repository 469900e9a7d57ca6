"""Water use per month, from the readings: what the charts and the CSV show.

The use between two readings is spread evenly over the days between them; a month's figure is
the sum of what falls in it. A reading counts at the start of its day, so readings on the 1st of
two months measure the first of them. A month is *measured* when readings lie on (or within
BOUNDARY_DAYS of) both of its ends, *estimated* when part of it comes from spreading a longer
interval, and missing when the readings do not cover it. docs/consumption.md says more.

All readings needed are fetched in one query (the months shown, plus each meter's last reading
before them), so the cost does not grow with the years of history.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from django.db import connection

from ebok.core.sql import as_date, as_decimal
from ebok.customers.models import Meter, Reading
from ebok.customers.readings import use_between
from ebok.customers.volumes import THOUSANDTH

MONTHS_SHOWN = 24
# Each month shown is compared with the same month a year earlier.
MONTHS_FETCHED = MONTHS_SHOWN + 12
BOUNDARY_DAYS = 3


@dataclass
class Month:
    start: date
    used: Decimal | None = None
    estimated: bool = False
    year_before: "Month | None" = None


@dataclass
class Series:
    """One meter's months (or the total's), oldest first, the last MONTHS_SHOWN of them."""

    label: str
    months: list[Month] = field(default_factory=list)

    @property
    def has_data(self) -> bool:
        return any(month.used is not None for month in self.months)

    def change(self) -> int | None:
        """The last 12 months against the 12 before them, in whole per cent, over the months
        known in both years; None without enough to compare."""
        pairs = [
            (month.used, month.year_before.used)
            for month in self.months[-12:]
            if month.used is not None and month.year_before and month.year_before.used is not None
        ]
        if len(pairs) < 6:
            return None
        now, before = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
        if before <= 0:
            return None
        return round((now - before) * 100 / before)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def first_month(today: date) -> date:
    """The first month fetched: the current month is not yet over, so it is left out."""
    return _add_months(date(today.year, today.month, 1), -MONTHS_FETCHED)


def readings_for(meter_ids: list[int], today: date) -> list[tuple[int, date, Decimal]]:
    """The readings the months need, in one query: those since the first month, and each
    meter's last one before it (where the first month's use starts); as (meter id, day, value),
    by meter and day.

    Written as SQL: built from expressions (Reading.objects.counted() with a subquery for the
    last reading before) it cost the app about 1 ms a page to build, three times what the
    database needs to answer it, on the three pages with the use chart. It counts the readings
    that ReadingQuerySet.counted() does: all but the rejected ones.
    """
    reading, meter = Reading._meta.db_table, Meter._meta.db_table
    placeholders = ", ".join(["%s"] * len(meter_ids))
    rejected = Reading.Review.REJECTED.value
    # Table names from the models; the ids, the day and the review state are parameters.
    sql = (
        f"SELECT r.meter_id, r.read_on, r.value FROM {reading} r"  # noqa: S608
        f" WHERE r.meter_id IN ({placeholders}) AND r.review <> %s"
        "  AND (r.read_on >= %s OR r.id IN ("
        f"   SELECT (SELECT p.id FROM {reading} p"
        "     WHERE p.meter_id = m.id AND p.review <> %s AND p.read_on < %s"
        "     ORDER BY p.read_on DESC, p.id DESC LIMIT 1)"
        f"   FROM {meter} m WHERE m.id IN ({placeholders})))"
        " ORDER BY r.meter_id, r.read_on, r.id"
    )
    start = first_month(today)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*meter_ids, rejected, start, rejected, start, *meter_ids])
        rows = cursor.fetchall()
    return [(meter, as_date(day), as_decimal(value, THOUSANDTH)) for meter, day, value in rows]


def _spread(meter, readings, months: dict[date, Month]) -> None:
    """Add the meter's use between consecutive readings to the months it falls in."""
    covered = {}
    for (day_a, value_a), (day_b, value_b) in pairwise(readings):
        days = (day_b - day_a).days
        used = use_between(meter, value_a, value_b)
        if days <= 0 or used is None:
            continue
        daily = used / days
        start = date(day_a.year, day_a.month, 1)
        while start < day_b:
            month = months.get(start)
            nxt = _add_months(start, 1)
            if month is not None:
                # A reading is taken at the start of its day: the interval's days are
                # [day_a, day_b), and those inside the month count for it.
                first, end = max(day_a, start), min(day_b, nxt)
                if first < end:
                    month.used = (month.used or Decimal(0)) + daily * (end - first).days
                    margin = timedelta(days=BOUNDARY_DAYS)
                    spills = day_a < start - margin or day_b > nxt + margin
                    month.estimated = month.estimated or spills
                    span = covered.setdefault(start, [day_a, day_b])
                    span[0], span[1] = min(span[0], day_a), max(span[1], day_b)
            start = nxt
    margin = timedelta(days=BOUNDARY_DAYS)
    for start, month in months.items():
        span = covered.get(start)
        whole = span and span[0] <= start + margin and span[1] >= _add_months(start, 1) - margin
        if not whole:
            month.used, month.estimated = None, False
        elif month.used is not None:
            month.used = month.used.quantize(THOUSANDTH)


def _empty_months(today: date) -> dict[date, Month]:
    start = first_month(today)
    starts = (_add_months(start, i) for i in range(MONTHS_FETCHED))
    return {day: Month(day) for day in starts}


def _shown(label: str, months: dict[date, Month]) -> Series:
    ordered = [months[key] for key in sorted(months)]
    for index in range(12, len(ordered)):
        ordered[index].year_before = ordered[index - 12]
    return Series(label=label, months=ordered[-MONTHS_SHOWN:])


def _months_of(meters: list, today: date) -> list[dict[date, Month]]:
    """Each meter's months with its use spread over them, in the order of meters."""
    rows = defaultdict(list)
    if meters:
        for meter_id, day, value in readings_for([meter.pk for meter in meters], today):
            rows[meter_id].append((day, value))
    found = []
    for meter in meters:
        months = _empty_months(today)
        _spread(meter, rows[meter.pk], months)
        found.append(months)
    return found


def _total(meters: list, months_of_meters: list, today: date, label: str) -> Series:
    """The main meters' months added up (a sub-meter, e.g. the garden's, measures part of
    what its main meter does, so it is not added again)."""
    total = _empty_months(today)
    for meter, months in zip(meters, months_of_meters, strict=True):
        if meter.kind == Meter.Kind.MAIN:
            for start, month in months.items():
                _add_to_total(total[start], month)
    return _shown(label, total)


def monthly(meters, today: date, total_label: str) -> tuple[list[Series], Series]:
    """Each meter's series and the total of the main meters."""
    meters = list(meters)
    months_of_meters = _months_of(meters, today)
    series = [
        _shown(meter.serial_number, months)
        for meter, months in zip(meters, months_of_meters, strict=True)
    ]
    return series, _total(meters, months_of_meters, today, total_label)


def meter_series(meter, today: date) -> Series:
    """One meter's series, for its page (without a total)."""
    return _shown(meter.serial_number, _months_of([meter], today)[0])


def total_series(meters, today: date, label: str) -> Series:
    """The total of the main meters alone, for the meters tab and the home page."""
    meters = list(meters)
    return _total(meters, _months_of(meters, today), today, label)


def _add_to_total(total: Month, month: Month) -> None:
    if month.used is None:
        return
    total.used = (total.used or Decimal(0)) + month.used
    total.estimated = total.estimated or month.estimated
