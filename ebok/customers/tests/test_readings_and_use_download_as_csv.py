"""The readings of a meter and the use by month download as CSV, in the customer's language."""

import csv
import io

import pytest
from django.urls import reverse

from ebok.testing import make_history

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def rows(response, delimiter):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


@pytest.fixture
def meter(account):
    return make_history(account.customer, years=2, start_year=2025)[1]


def test_the_readings_download_with_their_consumption(client, account, meter):
    client.force_login(account)
    response = client.get(reverse("portal:meter_csv", args=[meter.pk]))
    table = rows(response, ";")
    assert table[0] == [
        "Data odczytu",
        "Wskazanie (m³)",
        "Zużycie (m³)",
        "Źródło",
        "do sprawdzenia",
    ]
    assert len(table) == 1 + meter.readings.count()
    assert table[1][:3] == ["2025-01-15", "109,500", ""]
    assert table[2][:4] == ["2025-03-15", "119,000", "9,500", "inkasent"]


def test_the_use_by_month_downloads_per_meter_and_in_total(client, account, meter):
    client.force_login(account)
    page = client.get(reverse("portal:meters")).content.decode()
    assert reverse("portal:consumption_csv") in page
    table = rows(client.get(reverse("portal:consumption_csv")), ";")
    assert table[0][:3] == ["Licznik", "Miesiąc", "Zużycie (m³)"]
    # 24 months for the meter and 24 for the total.
    assert len(table) == 1 + 48
    assert {row[0] for row in table[1:]} == {"WM-001", "Wszystkie liczniki główne"}
    august = next(row for row in table[1:] if row[:2] == ["WM-001", "2026-08"])
    assert august[3] == "tak"  # spread from readings two months apart
    assert august[2].replace(",", ".") != ""


def test_a_stranger_gets_no_csv(client, stranger, meter):
    from ebok.accounts.services import account_for

    client.force_login(account_for(stranger))
    assert client.get(reverse("portal:meter_csv", args=[meter.pk])).status_code == 404
