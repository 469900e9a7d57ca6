"""Leak warnings on made-up histories: normal use, a garden watered every summer, a real leak
seen by a remote meter, and a meter exchange; the panel shows the warning, the office lists it."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from ebok.backoffice.roles import OPERATOR, setup_roles
from ebok.backoffice.tests.conftest import make_staff
from ebok.customers.leaks import check_point
from ebok.customers.models import LeakWarning, Meter, Reading
from ebok.testing import log_in_staff, make_point_with_meter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def readings(meter, start: date, days: int, every: int, daily, value=Decimal(0)):
    """A reading every `every` days for `days` days; daily(day) is the use on that day."""
    rows, day = [], start
    for offset in range(days + 1):
        day = start + timedelta(days=offset)
        if offset % every == 0:
            rows.append(Reading(meter=meter, read_on=day, value=value, source="remote"))
        value += daily(day)
    Reading.objects.bulk_create(rows)
    return rows[-1].value


@pytest.fixture
def point_meter(account):
    return make_point_with_meter(account.customer)


def test_steady_use_with_ups_and_downs_raises_nothing(point_meter):
    point, meter = point_meter
    wobble = [Decimal("0.25"), Decimal("0.35"), Decimal("0.30"), Decimal("0.40")]
    readings(meter, date(2024, 11, 1), 730, 30, lambda day: wobble[day.month % 4])
    assert check_point(point, date(2026, 11, 1)) is None


def test_a_garden_watered_every_summer_is_no_leak(point_meter):
    point, meter = point_meter

    def garden(day):
        return Decimal("0.9") if 5 <= day.month <= 8 else Decimal("0.3")

    readings(meter, date(2024, 9, 1), 730, 14, garden)
    # The second summer's weeks are far over the winter, but as high as the first summer's.
    assert check_point(point, date(2026, 8, 31)) is None


def test_a_real_leak_on_a_remote_meter_is_raised_then_cleared(point_meter, account, client):
    point, meter = point_meter
    leak_from = date(2026, 11, 20)

    def use(day):
        return Decimal("1.2") if day >= leak_from else Decimal("0.3")

    last = readings(meter, date(2025, 11, 1), 388, 1, use)  # daily, up to 2026-11-24
    warning = check_point(point, date(2026, 11, 24))
    assert warning is not None
    assert (warning.since, warning.daily_use, warning.baseline) == (
        leak_from,
        Decimal("1.200"),
        Decimal("0.300"),
    )

    client.force_login(account)
    for tab in ("portal:meters", "portal:overview"):
        page = client.get(reverse(tab)).content.decode()
        assert "Możliwy wyciek wody" in page
        assert "około 1,200 m³ dziennie, przy zwykłym zużyciu 0,300 m³" in page
        assert "mały wskaźnik licznika" in page

    setup_roles()
    office = log_in_staff(Client(), make_staff("operator", OPERATOR))
    listing = office.get(reverse("admin:customers_leakwarning_changelist")).content.decode()
    assert point.code in listing

    # The tap is fixed: the next day is back to usual.
    Reading.objects.create(
        meter=meter, read_on=date(2026, 11, 25), value=last + Decimal("0.3"), source="remote"
    )
    assert check_point(point, date(2026, 11, 25)) is None
    warning.refresh_from_db()
    assert warning.cleared_on == date(2026, 11, 25)
    assert "Możliwy wyciek wody" not in client.get(reverse("portal:meters")).content.decode()


def test_a_meter_exchange_is_no_leak(point_meter):
    point, old = point_meter
    readings(old, date(2025, 6, 1), 450, 30, lambda day: Decimal("0.3"), value=Decimal(5000))
    old.removed_on = date(2026, 8, 24)
    old.save()
    new = Meter.objects.create(
        service_point=point, serial_number="WM-NEW", installed_on=date(2026, 8, 24)
    )
    readings(new, date(2026, 8, 24), 90, 30, lambda day: Decimal("0.3"))
    assert check_point(point, date(2026, 11, 22)) is None


def test_a_submitted_reading_triggers_the_check(
    point_meter, account, client, django_capture_on_commit_callbacks
):
    point, meter = point_meter
    readings(meter, date(2026, 5, 1), 180, 14, lambda day: Decimal("0.3"))
    value = meter.readings.order_by("-read_on").first().value
    for day, step in [(date(2026, 11, 6), 5), (date(2026, 11, 13), 10), (date(2026, 11, 20), 15)]:
        Reading.objects.create(meter=meter, read_on=day, value=value + step, source="reader")
    client.force_login(account)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("portal:meter_reading", args=[meter.pk]),
            {"value": str(value + 20).replace(".", ","), "read_on": "2026-11-25", "confirmed": "1"},
        )
    assert response.status_code == 302
    assert LeakWarning.objects.filter(service_point=point, cleared_on__isnull=True).exists()
