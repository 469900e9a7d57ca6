"""On "Punkty/liczniki" each meter shows its own last reading that counts: a reading the
office rejected is not it, a meter without readings shows "—", and another customer's
meters and readings never show."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from ebok.customers.models import LeakWarning, Reading
from ebok.testing import make_customer, make_point_with_meter

pytestmark = pytest.mark.django_db


def rows(page: str) -> dict[str, list[str]]:
    """Each meter's row: serial number -> the texts of its cells."""
    found = {}
    for row in re.findall(r"<tr>(.*?)</tr>", page, re.S):
        serial = re.search(r'<a href="/panel/meters/\d+/">([^<]+)</a>', row)
        if serial:
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            found[serial.group(1)] = [re.sub(r"\s+", " ", cell).strip() for cell in cells]
    return found


def test_each_meter_shows_its_last_reading_that_counts(client, account, customer):
    _home, home_meter = make_point_with_meter(customer, code="P1", serial="WM-HOME")
    _garden, garden_meter = make_point_with_meter(customer, code="P2", serial="WM-GARDEN")
    make_point_with_meter(customer, code="P3", serial="WM-NEW")
    for meter, day, value, review in [
        (home_meter, date(2026, 9, 15), "140.250", Reading.Review.PENDING),
        (home_meter, date(2026, 11, 15), "157.000", Reading.Review.ACCEPTED),
        (home_meter, date(2026, 11, 20), "999.000", Reading.Review.REJECTED),
        (garden_meter, date(2026, 10, 1), "12.5", Reading.Review.PENDING),
        (garden_meter, date(2026, 10, 1), "12.75", Reading.Review.PENDING),  # same day, later
    ]:
        Reading.objects.create(
            meter=meter, read_on=day, value=Decimal(value), source="reader", review=review
        )
    stranger = make_customer(number="000777", name="Obcy", email_address="o@example.pl")
    _point, strangers_meter = make_point_with_meter(stranger, code="S1", serial="WM-STRANGER")
    Reading.objects.create(
        meter=strangers_meter, read_on=date(2026, 12, 1), value=Decimal("5"), source="reader"
    )
    client.force_login(account)

    page = client.get(reverse("portal:meters")).content.decode()

    shown = rows(page)
    assert set(shown) == {"WM-HOME", "WM-GARDEN", "WM-NEW"}
    # Kind, installed, last reading, its value (m³), the link to submit a reading.
    assert shown["WM-HOME"][2:4] == ["2026-11-15", "157,000"]
    assert shown["WM-GARDEN"][2:4] == ["2026-10-01", "12,750"]
    assert shown["WM-NEW"][2:4] == ["—", "—"]
    assert "WM-STRANGER" not in page


def test_a_point_shows_its_open_leak_warning_and_no_cleared_one(client, account, customer):
    leaking, _meter = make_point_with_meter(customer, code="P1", serial="WM-1")
    mended, _meter = make_point_with_meter(customer, code="P2", serial="WM-2")
    figures = {"since": date(2026, 11, 20), "daily_use": Decimal("1.2"), "baseline": Decimal("0.3")}
    LeakWarning.objects.create(service_point=leaking, **figures)
    LeakWarning.objects.create(service_point=mended, cleared_on=date(2026, 11, 1), **figures)
    stranger = make_customer(number="000777", name="Obcy", email_address="o@example.pl")
    strangers_point, _meter = make_point_with_meter(stranger, code="S1", serial="WM-S")
    LeakWarning.objects.create(service_point=strangers_point, **figures)
    client.force_login(account)

    page = client.get(reverse("portal:meters")).content.decode()

    assert re.findall(r'aria-labelledby="leak-(\d+)"', page) == [str(leaking.pk)]
    assert "Od 2026-11-20 zużycie wody" in page
    assert "około 1,200 m³ dziennie, przy zwykłym zużyciu 0,300 m³" in page
