from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from ebok.customers.models import Reading
from ebok.testing import TODAY, make_history

# Readings are checked against today: the form and the history are dated by the one clock.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


@pytest.fixture
def meter(account):
    # Readings every two months of 2026; the last, 2026-11-15, shows 157,000 m³.
    return make_history(account.customer, years=1, start_year=2026)[1]


@pytest.fixture
def logged_in(client, account):
    client.force_login(account)
    return client


def submit(client, meter, value, read_on="2026-11-25"):
    return client.post(
        reverse("portal:meter", args=[meter.pk]), {"value": value, "read_on": read_on}
    )


def test_meter_page_offers_the_form_dated_today(logged_in, meter):
    page = logged_in.get(reverse("portal:meter", args=[meter.pk])).content.decode()
    assert "Podaj odczyt" in page
    assert 'value="2026-11-25"' in page


def test_customer_submits_a_reading_with_a_decimal_comma(logged_in, meter):
    response = submit(logged_in, meter, "160,250")
    assert response.url == reverse("portal:meter", args=[meter.pk])
    reading = meter.readings.get(source=Reading.Source.CUSTOMER)
    assert reading.value == Decimal("160.250")
    assert reading.read_on == TODAY
    page = logged_in.get(response.url).content.decode()
    assert "Dziękujemy. Zapisaliśmy odczyt 160,250 m³ z dnia 2026-11-25." in page
    assert "3,250" in page  # the consumption since 2026-11-15


def test_a_second_reading_on_the_same_day_replaces_the_first(logged_in, meter):
    submit(logged_in, meter, "160,250")
    submit(logged_in, meter, "159,000")
    assert meter.readings.filter(source=Reading.Source.CUSTOMER).get().value == Decimal("159.000")


@pytest.mark.parametrize(
    ("value", "read_on", "message"),
    [
        ("150", "2026-11-25", "Wskazanie nie może być mniejsze niż poprzedni odczyt: 157,000 m³"),
        ("160", "2026-11-26", "Data odczytu nie może być z przyszłości."),
        ("160", "2026-10-01", "Odczyt może mieć najwyżej 31 dni."),
        ("abc", "2026-11-25", "Wpisz liczbę."),
        ("-1", "2026-11-25", "Upewnij się, że ta wartość jest większa lub równa 0."),
        ("160", "2026-11-10", "Jest późniejszy odczyt o niższym wskazaniu; sprawdź datę."),
    ],
)
def test_implausible_readings_are_refused_and_the_input_kept(
    logged_in, meter, value, read_on, message
):
    response = submit(logged_in, meter, value, read_on)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert f'value="{value}"' in page
    assert not meter.readings.filter(source=Reading.Source.CUSTOMER).exists()


def test_removed_meter_takes_no_readings(logged_in, meter):
    meter.removed_on = date(2026, 11, 20)
    meter.save()
    assert (
        "Podaj odczyt"
        not in logged_in.get(reverse("portal:meter", args=[meter.pk])).content.decode()
    )
    submit(logged_in, meter, "160")
    assert not meter.readings.filter(source=Reading.Source.CUSTOMER).exists()


def test_stranger_cannot_submit_a_reading_for_another_customers_meter(client, stranger, meter):
    from ebok.accounts.services import account_for

    client.force_login(account_for(stranger))
    response = submit(client, meter, "999")
    assert response.status_code == 404
    assert not meter.readings.filter(source=Reading.Source.CUSTOMER).exists()
