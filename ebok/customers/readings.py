"""Readings that customers submit themselves ("samoodczyt"): the rules a value must meet.

A value is refused when it cannot be right (beyond the meter's register, lower than the
previous reading without being a rollover, dated in the future or outside a reading window);
it is asked back when it is merely unlikely (far above the customer's usual use), and stored
flagged for staff review once the customer confirms it. docs/consumption.md has the numbers.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import connections, router, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ebok.audit.log import record as audit
from ebok.audit.models import AuditEvent
from ebok.core.sql import ModelColumns, days_before
from ebok.customers.models import Reading, ReadingPhoto, ReadingWindow
from ebok.customers.tasks import check_leaks_after_commit
from ebok.customers.volumes import THOUSANDTH, volume

# A self-reading may be dated this many days back at most; older ones go through the office.
MAX_AGE_DAYS = 31
# The history that sets the usual daily use.
HISTORY_DAYS = 365
# The band is wide on purpose: it asks back typing errors (a shifted comma, swapped digits),
# not a summer of watering. Above MARGIN_FACTOR times the expected use, and at least
# MARGIN_MIN_M3 above it (a short interval expects next to nothing), a value is asked back.
MARGIN_FACTOR = 3
MARGIN_MIN_M3 = Decimal("1.000")
DAYS_IN_MONTH = Decimal("30.4375")


@dataclass(frozen=True)
class SubmittedReading:
    read_on: date
    value: Decimal


@dataclass(frozen=True)
class Expectation:
    """What the next value should be, from the reading before it and the usual daily use."""

    previous: Reading | None
    daily_use: Decimal | None  # None: no history and no norm, so no band

    def highest_use(self, read_on: date) -> Decimal | None:
        if self.previous is None or self.daily_use is None:
            return None
        expected = self.daily_use * max((read_on - self.previous.read_on).days, 1)
        return max(expected * MARGIN_FACTOR, expected + MARGIN_MIN_M3).quantize(THOUSANDTH)

    def expected_use(self, read_on: date) -> Decimal | None:
        if self.previous is None or self.daily_use is None:
            return None
        return self.daily_use * max((read_on - self.previous.read_on).days, 1)

    def range(self, read_on: date) -> tuple[Decimal, Decimal] | None:
        """The meter values expected on read_on (the upper one may be past a rollover)."""
        highest = self.highest_use(read_on)
        if highest is None:
            return None
        return self.previous.value, self.previous.value + highest


def register_limit(meter) -> Decimal | None:
    """The first value the meter cannot show: 10^digits (it rolls over to zero there)."""
    if meter.register_digits is None:
        return None
    return Decimal(10) ** meter.register_digits


def use_between(meter, earlier: Decimal, later: Decimal) -> Decimal | None:
    """The water used from one value to a later one; a lower later value is a rollover when
    the meter's register is known, otherwise None."""
    if later >= earlier:
        return later - earlier
    limit = register_limit(meter)
    if limit is None:
        return None
    return later + limit - earlier


# The guide on every meter's page and the checks of a submission read the reading before the
# date, the first of the year before that one and the point's reading window. Built from
# expressions, as three queries, they cost the app 1.5 ms a page, five times what the database
# needs to answer them; so they are one query written in SQL. "Counted" is
# Reading.objects.counted(): all but the rejected. The customer's own reading of the day being
# read is the one a new one would replace: neither a predecessor nor the start of the history.
_COUNTED_NOT_REPLACED = (
    "WHERE r.meter_id = %s AND r.review <> %s AND NOT (r.source = %s AND r.read_on = %s)"
)
_PREVIOUS, _HISTORY_START = (
    ModelColumns(Reading, "previous"),
    ModelColumns(Reading, "history_start"),
)
_WINDOW = ModelColumns(ReadingWindow, "current_window")


@dataclass(frozen=True)
class _Around:
    """What the rules read about a meter around a reading date."""

    previous: Reading | None  # the last counted reading on or before the date
    history_start: Reading | None  # the first of the HISTORY_DAYS before `previous`
    # The point's window open today, else the next to open, else the last to close; None when
    # the point has no windows (readings are taken on any day).
    window: ReadingWindow | None


def _around(meter, read_on: date, today: date) -> _Around:
    connection = connections[router.db_for_read(Reading)]
    counted = [meter.pk, Reading.Review.REJECTED.value, Reading.Source.CUSTOMER.value, read_on]
    params = [*counted, read_on, *counted, HISTORY_DAYS, meter.service_point_id, today]
    with connection.cursor() as cursor:
        cursor.execute(
            _around_sql(connection), [connection.ops.adapt_unknown_value(v) for v in params]
        )
        row = cursor.fetchone()
    width = _PREVIOUS.width
    found = [
        columns.instance(connection, row, start) if row[start] is not None else None
        for columns, start in [(_PREVIOUS, 0), (_HISTORY_START, width), (_WINDOW, 2 * width)]
    ]
    return _Around(*found)


_SQL_BY_VENDOR = {}


def _around_sql(connection) -> str:
    """One row joining the three answers, each of which may be missing. The windows not yet
    closed come first, earliest opening first: the first is the window open today if there is
    one, else the next to open; a closed one first means none is ahead."""
    sql = _SQL_BY_VENDOR.get(connection.vendor)
    if sql is not None:
        return sql
    quote = connection.ops.quote_name
    readings, windows = quote(Reading._meta.db_table), quote(ReadingWindow._meta.db_table)
    reading = ModelColumns(Reading, "r").select(connection)
    window = ModelColumns(ReadingWindow, "w").select(connection)
    sql = (
        f"WITH previous AS (SELECT {reading} FROM {readings} r {_COUNTED_NOT_REPLACED}"  # noqa: S608 - names from the models
        "  AND r.read_on <= %s ORDER BY r.read_on DESC, r.id DESC LIMIT 1),"
        f" history_start AS (SELECT {reading} FROM {readings} r, previous p"
        f"  {_COUNTED_NOT_REPLACED} AND r.read_on >= {days_before(connection, 'p.read_on')}"
        "  AND r.read_on < p.read_on ORDER BY r.read_on, r.id LIMIT 1),"
        f" current_window AS (SELECT {window} FROM {windows} w WHERE w.service_point_id = %s"
        "  ORDER BY (CASE WHEN w.closes_on >= %s THEN 0 ELSE 1 END), w.opens_on, w.closes_on"
        "  LIMIT 1)"
        f" SELECT {_PREVIOUS.select(connection)}, {_HISTORY_START.select(connection)},"
        f" {_WINDOW.select(connection)} FROM (SELECT 1 AS one) o"
        " LEFT JOIN previous ON 1 = 1 LEFT JOIN history_start ON 1 = 1"
        " LEFT JOIN current_window ON 1 = 1"
    )
    _SQL_BY_VENDOR[connection.vendor] = sql
    return sql


def _expectation(meter, around: _Around) -> Expectation:
    previous, first, daily = around.previous, around.history_start, None
    if first is not None:
        used = use_between(meter, first.value, previous.value)
        if used is not None:
            daily = used / (previous.read_on - first.read_on).days
    if daily is None and meter.service_point.norm_monthly_use is not None:
        daily = meter.service_point.norm_monthly_use / DAYS_IN_MONTH
    return Expectation(previous=previous, daily_use=daily)


def expectation(meter, read_on: date) -> Expectation:
    """The previous reading and the usual daily use: the meter's own last 12 months, or the
    service point's tariff group norm while the meter has no such history."""
    return _expectation(meter, _around(meter, read_on, timezone.localdate()))


def _window_problem(current: ReadingWindow | None, read_on: date, today: date) -> str | None:
    """Why a self-reading cannot be taken now (None if it can): with windows pushed for the
    point, today and the reading date must both fall in one of them."""
    if current is None:
        return None
    if current.closes_on < today:
        return _("Readings are not taken now; the next reading window has not been set yet.")
    if current.opens_on > today:
        return _(
            "Readings are not taken now; the next reading window is open from %(opens)s to "
            "%(closes)s."
        ) % {
            "opens": formats.date_format(current.opens_on),
            "closes": formats.date_format(current.closes_on),
        }
    if read_on < current.opens_on:
        return _("The reading date must be within the reading window: %(opens)s to %(closes)s.") % {
            "opens": formats.date_format(current.opens_on),
            "closes": formats.date_format(current.closes_on),
        }
    return None


def check(meter, submitted: SubmittedReading, today: date | None = None) -> Decimal | None:
    """Raise ValidationError (field: message) unless the customer may record this reading;
    return the use since the previous reading (None for a meter's first)."""
    today = today or timezone.localdate()
    if meter.removed_on is not None:
        raise ValidationError(_("This meter has been removed; its readings are closed."))
    if submitted.read_on > today:
        raise ValidationError({"read_on": _("The reading date cannot be in the future.")})
    if (today - submitted.read_on).days > MAX_AGE_DAYS:
        raise ValidationError(
            {"read_on": _("A reading may be at most %(days)d days old.") % {"days": MAX_AGE_DAYS}}
        )
    around = _around(meter, submitted.read_on, today)
    problem = _window_problem(around.window, submitted.read_on, today)
    if problem:
        raise ValidationError({"read_on": problem})
    limit = register_limit(meter)
    if limit is not None and submitted.value >= limit:
        raise ValidationError(
            {
                "value": _(
                    "This meter has %(digits)d digits before the comma: it shows at most "
                    "%(highest)s m³."
                )
                % {"digits": meter.register_digits, "highest": volume(limit - THOUSANDTH)}
            }
        )
    expected = _expectation(meter, around)
    previous = expected.previous
    if previous is None:
        used = None
    else:
        used = use_between(meter, previous.value, submitted.value)
        if submitted.value < previous.value and not _is_rollover(
            used, limit, expected.highest_use(submitted.read_on)
        ):
            raise ValidationError(
                {
                    "value": _(
                        "The value cannot be lower than the previous reading: %(value)s m³ on "
                        "%(date)s."
                    )
                    % {
                        "value": volume(previous.value),
                        "date": formats.date_format(previous.read_on),
                    }
                }
            )
    later = (
        meter.readings.counted().filter(read_on__gt=submitted.read_on).order_by("read_on").first()
    )
    if later is not None and submitted.value > later.value:
        raise ValidationError(
            {"read_on": _("There is a later reading with a lower value; check the date.")}
        )
    return used


def _is_rollover(used, limit, highest_use) -> bool:
    """A lower value is the register passing its maximum when the use through zero is
    plausible: within the band, or, without one, under a tenth of the register."""
    if used is None:
        return False
    if highest_use is not None:
        return used <= highest_use
    return used < limit / 10


def doubt(meter, submitted: SubmittedReading) -> str | None:
    """The question to ask back about a value far above the usual use, or None."""
    expected = expectation(meter, submitted.read_on)
    highest = expected.highest_use(submitted.read_on)
    if highest is None:
        return None
    used = use_between(meter, expected.previous.value, submitted.value)
    if used is None or used <= highest:
        return None
    usual = expected.expected_use(submitted.read_on)
    if usual > 0:
        times = (used / usual).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return _(
            "That is about %(times)s times more than usual — check the reading. If it is "
            "right, confirm it and the customer office will look at it."
        ) % {"times": times}
    return _(
        "That is far more than usual — check the reading. If it is right, confirm it and the "
        "customer office will look at it."
    )


@transaction.atomic
def record_submission(
    meter, submitted: SubmittedReading, *, confirmed=False, photo=None, request=None
) -> Reading:
    """Store the customer's reading; a second one on the same day replaces the first (and its
    photo). An unlikely value is stored only when confirmed, and then flagged for review.
    `photo` is what ebok.customers.photos.reencode returned."""
    check(meter, submitted)
    question = doubt(meter, submitted)
    if question and not confirmed:
        raise ValidationError(question, code="unconfirmed")
    reading, _created = Reading.objects.update_or_create(
        meter=meter,
        read_on=submitted.read_on,
        source=Reading.Source.CUSTOMER,
        # A new value is a new question: an earlier review of the day's reading is void.
        defaults={
            "value": submitted.value,
            "needs_review": bool(question),
            "review": Reading.Review.PENDING,
            "review_reason": "",
            "reviewed_at": None,
            "reviewed_by": None,
        },
    )
    ReadingPhoto.objects.filter(reading=reading).delete()
    if photo is not None:
        content, width, height = photo
        ReadingPhoto.objects.create(reading=reading, content=content, width=width, height=height)
    detail = f"{meter.serial_number}: {submitted.value:.3f} m³, {submitted.read_on.isoformat()}"
    if question:
        detail += ", flagged for review"
    if photo is not None:
        detail += ", with a photo"
    check_leaks_after_commit([meter.service_point_id])
    audit(
        AuditEvent.Kind.READING_SUBMITTED,
        request=request,
        customer=meter.service_point.customer,
        detail=detail,
    )
    return reading


@dataclass(frozen=True)
class ReadingGuide:
    """What the form shows beside the field: the last reading, the expected range today, and
    why readings are not taken now (outside a reading window)."""

    previous: Reading | None
    expected: tuple[Decimal, Decimal] | None
    closed: str | None
    rolls_over_at: Decimal | None


def reading_guide(meter, today: date) -> ReadingGuide:
    around = _around(meter, today, today)
    expected = _expectation(meter, around)
    band = expected.range(today)
    limit = register_limit(meter)
    rolls_over_at = None
    if band is not None and limit is not None and band[1] >= limit:
        rolls_over_at, band = limit, (band[0], band[1] - limit)
    return ReadingGuide(
        previous=expected.previous,
        expected=band,
        closed=_window_problem(around.window, today, today),
        rolls_over_at=rolls_over_at,
    )
