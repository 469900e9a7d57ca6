"""A meter's page lists its readings newest first, a page at a time, each with the use since
the reading before it; its CSV lists them all, oldest first, with the same use. A rollover of
a register with known digits is counted through zero, a rejected reading has no use and the
next one's runs from the last that counts; a page past the end is not found."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from ebok.customers.models import Reading
from ebok.customers.reading_list import readings_with_use
from ebok.portal.paging import PAGE_SIZE
from ebok.testing import make_point_with_meter

pytestmark = pytest.mark.django_db


def add(meter, day, value, review=Reading.Review.PENDING):
    Reading.objects.create(
        meter=meter, read_on=day, value=Decimal(value), source="reader", review=review
    )


@pytest.fixture
def rolled_over(customer):
    _point, meter = make_point_with_meter(customer, serial="WM-ROLL")
    meter.register_digits = 5  # shows up to 99 999,999 m³
    meter.save()
    add(meter, date(2026, 7, 1), "99990.000")
    add(meter, date(2026, 8, 1), "5.000")  # through zero: 15 m³
    add(meter, date(2026, 9, 1), "500.000", Reading.Review.REJECTED)
    add(meter, date(2026, 10, 1), "12.500")  # from 5, not from the rejected 500
    return meter


def test_each_reading_has_the_use_since_the_last_that_counts(rolled_over):
    readings, count = readings_with_use(rolled_over, newest_first=False)

    assert count == 4
    assert [(r.read_on.isoformat(), r.value, r.consumption) for r in readings] == [
        ("2026-07-01", Decimal("99990.000"), None),
        ("2026-08-01", Decimal("5.000"), Decimal("15.000")),
        ("2026-09-01", Decimal("500.000"), None),
        ("2026-10-01", Decimal("12.500"), Decimal("7.500")),
    ]
    newest, _count = readings_with_use(rolled_over, newest_first=True, bottom=1, size=2)
    assert [r.read_on.isoformat() for r in newest] == ["2026-09-01", "2026-08-01"]
    assert newest[1].consumption == Decimal("15.000")


def test_without_known_digits_a_lower_value_shows_as_the_difference(customer):
    _point, meter = make_point_with_meter(customer, serial="WM-DOWN")
    add(meter, date(2026, 9, 1), "120.000")
    add(meter, date(2026, 10, 1), "100.000")

    readings, _count = readings_with_use(meter, newest_first=False)

    assert readings[1].consumption == Decimal("-20.000")


def test_the_page_and_the_csv_show_the_same_use(client, account, rolled_over):
    client.force_login(account)

    page = client.get(reverse("portal:meter", args=[rolled_over.pk])).content.decode()
    csv = client.get(reverse("portal:meter_csv", args=[rolled_over.pk])).content.decode("utf-8-sig")

    assert page.index("2026-10-01") < page.index("2026-08-01")  # newest first
    assert 'class="num">15,000</td>' in page
    assert 'class="num">7,500</td>' in page
    lines = csv.splitlines()[1:]
    assert [line.split(";")[:3] for line in lines] == [
        ["2026-07-01", "99990,000", ""],
        ["2026-08-01", "5,000", "15,000"],
        ["2026-09-01", "500,000", ""],
        ["2026-10-01", "12,500", "7,500"],
    ]


def test_the_readings_are_paged_and_a_page_past_the_end_is_not_found(client, account, customer):
    _point, meter = make_point_with_meter(customer, serial="WM-LONG")
    start = date(2024, 1, 1)
    for month in range(PAGE_SIZE + 3):
        add(meter, start + timedelta(days=31 * month), f"{100 + month}.000")
    client.force_login(account)
    url = reverse("portal:meter", args=[meter.pk])

    first = client.get(url).context["page"]
    second = client.get(url, {"page": 2}).context["page"]

    assert first.paginator.num_pages == 2
    assert len(first.object_list) == PAGE_SIZE
    assert [r.value for r in second.object_list] == [
        Decimal("102.000"),
        Decimal("101.000"),
        Decimal("100.000"),
    ]
    assert second.object_list[-1].consumption is None
    assert second.object_list[0].consumption == Decimal("1.000")
    assert client.get(url, {"page": 3}).status_code == 404
    assert client.get(url, {"page": "x"}).status_code == 404


def test_a_meter_without_readings_has_one_empty_page(client, account, customer):
    _point, meter = make_point_with_meter(customer, serial="WM-NEW")
    client.force_login(account)
    url = reverse("portal:meter", args=[meter.pk])

    response = client.get(url)

    assert response.status_code == 200
    assert list(response.context["page"].object_list) == []
    assert "Brak odczytów." in response.content.decode()
    assert client.get(url, {"page": 2}).status_code == 404
