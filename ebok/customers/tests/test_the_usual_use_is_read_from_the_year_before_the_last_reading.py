"""The usual daily use behind a reading's checks and the form's expected range runs from the
first reading of the 365 days before the last one to that last one: a reading exactly 365 days
before counts, one a day earlier does not; rejected readings do not count, nor does the
customer's own reading of the day being read, which a new one would replace. The three are
read in one query on each database (docs/consumption.md)."""

from datetime import date
from decimal import Decimal

import pytest

from ebok.customers.models import Reading
from ebok.customers.readings import HISTORY_DAYS, expectation
from ebok.testing import make_point_with_meter

pytestmark = pytest.mark.django_db

LAST = date(2026, 11, 15)
YEAR_BEFORE = date(2025, 11, 15)  # HISTORY_DAYS before LAST


def read(meter, day, value, source=Reading.Source.READER, **fields):
    return Reading.objects.create(
        meter=meter, read_on=day, value=Decimal(value), source=source, **fields
    )


@pytest.fixture
def meter(customer):
    meter = make_point_with_meter(customer)[1]
    read(meter, date(2025, 11, 14), "90.000")
    read(meter, YEAR_BEFORE, "100.000")
    read(meter, date(2026, 5, 15), "150.000")
    read(meter, LAST, "200.000")
    return meter


def test_the_history_starts_at_the_reading_exactly_a_year_before_the_last(meter):
    assert (LAST - YEAR_BEFORE).days == HISTORY_DAYS
    expected = expectation(meter, date(2026, 11, 20))
    assert (expected.previous.read_on, expected.previous.value) == (LAST, Decimal("200.000"))
    assert expected.daily_use == Decimal("100.000") / HISTORY_DAYS


def test_a_rejected_reading_neither_starts_the_history_nor_ends_it(meter):
    meter.readings.filter(read_on=YEAR_BEFORE).update(review=Reading.Review.REJECTED)
    read(meter, date(2026, 11, 18), "999.000", review=Reading.Review.REJECTED)
    expected = expectation(meter, date(2026, 11, 20))
    assert expected.previous.read_on == LAST
    # From 2026-05-15 (150) to 2026-11-15 (200): 50 m³ in 184 days.
    assert expected.daily_use == Decimal("50.000") / 184


def test_the_customers_own_reading_of_the_day_is_not_the_one_before_it(meter):
    read(meter, date(2026, 11, 20), "205.000", source=Reading.Source.CUSTOMER)
    assert expectation(meter, date(2026, 11, 20)).previous.read_on == LAST
    # A day later, the customer's reading is the last one, and the year before it starts at
    # 2025-11-20: the first reading within it is 2026-05-15's.
    later = expectation(meter, date(2026, 11, 21))
    assert (later.previous.read_on, later.previous.source) == (date(2026, 11, 20), "customer")
    assert later.daily_use == Decimal("55.000") / 189


def test_a_readers_reading_of_the_day_is_the_one_before_it(meter):
    read(meter, date(2026, 11, 20), "204.000")
    expected = expectation(meter, date(2026, 11, 20))
    assert (expected.previous.read_on, expected.previous.value) == (
        date(2026, 11, 20),
        Decimal("204.000"),
    )
    # From 2025-11-20, a year before it: 2026-05-15 (150) is the first reading within.
    assert expected.daily_use == Decimal("54.000") / 189


def test_a_meter_without_readings_has_no_previous_and_uses_the_norm(customer):
    point, meter = make_point_with_meter(customer)
    point.norm_monthly_use = Decimal("3.0")
    point.save()
    meter.refresh_from_db()
    expected = expectation(meter, date(2026, 11, 20))
    assert expected.previous is None
    assert expected.daily_use == Decimal("3.0") / Decimal("30.4375")
