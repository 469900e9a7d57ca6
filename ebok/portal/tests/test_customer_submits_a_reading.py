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
        reverse("portal:meter_reading", args=[meter.pk]), {"value": value, "read_on": read_on}
    )


def test_the_meter_page_leads_to_the_form_dated_today(logged_in, meter):
    form_url = reverse("portal:meter_reading", args=[meter.pk])
    page = logged_in.get(reverse("portal:meter", args=[meter.pk])).content.decode()
    assert f'<a class="button" href="{form_url}">Podaj odczyt</a>' in page
    form = logged_in.get(form_url).content.decode()
    assert '<h2 id="submit-heading">Podaj odczyt</h2>' in form
    assert f'<form method="post" action="{form_url}"' in form
    assert 'value="2026-11-25"' in form
    assert "Ostatni odczyt" in form  # the guide beside the form


def test_the_meters_tab_leads_to_each_active_meters_form(logged_in, meter):
    page = logged_in.get(reverse("portal:meters")).content.decode()
    form_url = reverse("portal:meter_reading", args=[meter.pk])
    link = f'<a href="{form_url}">Podaj odczyt<span class="visually-hidden">: WM-001</span></a>'
    assert link in page


def test_a_form_sent_to_the_meter_page_is_sent_on_to_the_form(logged_in, meter):
    # A page opened before the form had its own address posts to the meter's page.
    response = logged_in.post(
        reverse("portal:meter", args=[meter.pk]), {"value": "160,250", "read_on": "2026-11-25"}
    )
    assert response.status_code == 307
    assert response.url == reverse("portal:meter_reading", args=[meter.pk])
    assert not meter.readings.filter(source=Reading.Source.CUSTOMER).exists()
    followed = logged_in.post(
        reverse("portal:meter", args=[meter.pk]),
        {"value": "160,250", "read_on": "2026-11-25"},
        follow=True,
    )
    assert followed.redirect_chain[-1][0] == reverse("portal:meter", args=[meter.pk])
    assert meter.readings.get(source=Reading.Source.CUSTOMER).value == Decimal("160.250")


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
    form_url = reverse("portal:meter_reading", args=[meter.pk])
    assert form_url not in logged_in.get(reverse("portal:meters")).content.decode()
    form = logged_in.get(form_url).content.decode()
    assert "Ten licznik został zdemontowany; nie przyjmujemy już jego odczytów." in form
    assert f'action="{form_url}"' not in form
    response = submit(logged_in, meter, "160")
    assert "Ten licznik został zdemontowany" in response.content.decode()
    assert not meter.readings.filter(source=Reading.Source.CUSTOMER).exists()


def test_stranger_cannot_submit_a_reading_for_another_customers_meter(client, stranger, meter):
    from ebok.accounts.services import account_for

    client.force_login(account_for(stranger))
    response = submit(client, meter, "999")
    assert response.status_code == 404
    assert not meter.readings.filter(source=Reading.Source.CUSTOMER).exists()
