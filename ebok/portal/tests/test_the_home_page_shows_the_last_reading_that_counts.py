"""The home page's "Last reading" and "Informacje"'s date of the last reading are the newest
reading that counts, as the meters tab shows it: one the office rejected is not the
customer's last reading, and another customer's never is."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from ebok.customers.models import Reading
from ebok.testing import make_customer, make_point_with_meter

pytestmark = pytest.mark.django_db


def tile(page: str) -> str:
    start = page.index('id="tile-reading"')
    return page[start : page.index("</section>", start)]


@pytest.fixture
def readings(customer):
    _home, home_meter = make_point_with_meter(customer, code="P1", serial="WM-HOME")
    _garden, garden_meter = make_point_with_meter(customer, code="P2", serial="WM-GARDEN")
    for meter, day, value, review in [
        (home_meter, date(2026, 10, 15), "140.250", Reading.Review.ACCEPTED),
        (garden_meter, date(2026, 11, 15), "12.500", Reading.Review.PENDING),
        (home_meter, date(2026, 11, 28), "999.000", Reading.Review.REJECTED),
    ]:
        Reading.objects.create(
            meter=meter, read_on=day, value=Decimal(value), source="reader", review=review
        )
    stranger = make_customer(number="000777", name="Obcy", email_address="o@example.pl")
    _point, strangers_meter = make_point_with_meter(stranger, code="S1", serial="WM-STRANGER")
    Reading.objects.create(
        meter=strangers_meter, read_on=date(2026, 12, 1), value=Decimal("5"), source="reader"
    )
    return garden_meter


def test_the_tile_shows_the_newest_reading_that_counts(client, account, readings):
    client.force_login(account)

    shown = tile(client.get(reverse("portal:overview")).content.decode())

    assert "12,500 m³" in shown
    assert "2026-11-15" in shown
    assert f'<a href="{reverse("portal:meter", args=[readings.pk])}">WM-GARDEN</a>' in shown
    assert "999" not in shown
    assert "WM-STRANGER" not in shown


def test_the_information_page_gives_the_same_date(client, account, readings):
    client.force_login(account)

    response = client.get(reverse("portal:info"))

    assert response.context["last_reading_date"] == date(2026, 11, 15)
    assert "2026-11-15" in response.content.decode()


def test_without_readings_the_tile_says_so(client, account, customer):
    make_point_with_meter(customer, code="P1", serial="WM-HOME")
    client.force_login(account)

    shown = tile(client.get(reverse("portal:overview")).content.decode())

    assert "Brak odczytów." in shown
