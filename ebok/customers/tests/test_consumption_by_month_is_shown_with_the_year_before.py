"""Use by month over 24 months, each beside the same month a year before: measured where
readings bound the month, estimated where a longer interval is spread over it; the chart, its
table and the summary say the same as the readings."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from ebok.customers.consumption import meter_series, monthly, total_series
from ebok.customers.models import Meter, Reading
from ebok.testing import TODAY, make_point_with_meter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def monthly_readings(meter, first: date, last: date, use_per_month):
    """A reading on the 1st of every month; use_per_month(month start) is that month's use."""
    value, day = Decimal(100), first
    while day <= last:
        Reading.objects.create(meter=meter, read_on=day, value=value, source="remote")
        value += use_per_month(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)


@pytest.fixture
def meter(account):
    meter = make_point_with_meter(account.customer)[1]
    # 12 m³ a month until October 2025, then 9: a quarter less in the last 12 months.
    monthly_readings(
        meter,
        date(2023, 10, 1),
        date(2026, 11, 1),
        lambda month: Decimal(12) if month < date(2025, 11, 1) else Decimal(9),
    )
    return meter


def test_months_bounded_by_readings_are_measured_and_compared_with_the_year_before(meter):
    (series,), total = monthly([meter], TODAY, "total")
    assert [m.start for m in (series.months[0], series.months[-1])] == [
        date(2024, 11, 1),
        date(2026, 10, 1),
    ]
    last = series.months[-1]
    assert (last.used, last.estimated, last.year_before.used) == (Decimal(9), False, Decimal(12))
    assert series.change() == -25
    assert [m.used for m in total.months] == [m.used for m in series.months]


def test_a_longer_interval_is_spread_over_its_months_and_marked_estimated(account):
    meter = make_point_with_meter(account.customer, code="P2", serial="WM-2")[1]
    # 61 days, 2026-07-15 to 2026-09-14, 6,1 m³: 0,1 m³ a day.
    for day, value in [(date(2026, 7, 15), "10"), (date(2026, 9, 14), "16.1")]:
        Reading.objects.create(meter=meter, read_on=day, value=Decimal(value), source="reader")
    (series,), _total = monthly([meter], TODAY, "total")
    by_month = {m.start: m for m in series.months}
    august = by_month[date(2026, 8, 1)]
    assert (august.used, august.estimated) == (Decimal("3.100"), True)
    # July and September are only partly covered by readings: not shown.
    assert by_month[date(2026, 7, 1)].used is None
    assert by_month[date(2026, 9, 1)].used is None
    assert series.change() is None


@pytest.fixture
def garden(account):
    """A sub-meter: 2 m³ a month since May 2026."""
    garden = make_point_with_meter(account.customer, code="P3", serial="OG-1")[1]
    garden.kind = Meter.Kind.SUB
    garden.save()
    monthly_readings(garden, date(2026, 5, 1), date(2026, 11, 1), lambda month: Decimal(2))
    return garden


def test_a_sub_meter_is_not_added_to_the_total(meter, garden):
    _series, total = monthly([meter, garden], TODAY, "total")
    assert total.months[-1].used == Decimal(9)


def test_a_meters_series_and_the_total_alone_are_those_of_the_whole(meter, garden):
    series, total = monthly([meter, garden], TODAY, "total")

    def used(shown):
        return [(month.start, month.used, month.estimated) for month in shown.months]

    assert used(meter_series(garden, TODAY)) == used(series[1])
    assert meter_series(garden, TODAY).label == "OG-1"
    assert used(total_series([meter, garden], TODAY, "total")) == used(total)
    assert total.months[-1].used == Decimal(9)


def test_the_chart_its_table_and_the_summary_agree_with_the_readings(client, account, meter):
    client.force_login(account)
    page = client.get(reverse("portal:meters")).content.decode()
    assert "W ostatnich 12 miesiącach zużycie było o 25% mniejsze niż rok wcześniej." in page
    bars = dict(re.findall(r'data-month="([0-9-]+)" data-used="([0-9.]+)"', page))
    assert len(bars) == 24
    assert bars["2026-10"] == "9.000"
    assert bars["2025-10"] == "12.000"
    table = page[page.index('id="use-total-table"') :]
    row = re.search(r"10\.2026</th>\s*<td[^>]*>([^<]*)</td>\s*<td[^>]*>([^<]*)</td>", table)
    assert row.groups() == ("9,000", "12,000")


def test_strona_glowna_shows_the_use_too(client, account, meter):
    client.force_login(account)
    page = client.get(reverse("portal:overview")).content.decode()
    assert "Zużycie wody w miesiącach" in page
    assert 'data-month="2026-10" data-used="9.000"' in page
