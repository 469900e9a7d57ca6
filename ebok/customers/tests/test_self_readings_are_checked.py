"""A self-reading is checked against the meter's register and the customer's usual use: values
that cannot be right are refused, unlikely ones asked back and, once confirmed, flagged."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.customers.models import Reading, ReadingWindow
from ebok.testing import make_history, make_point_with_meter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


@pytest.fixture
def meter(account):
    # Every two months 9,500 m³ (about 0,156 m³ a day); the last, 2026-11-15, shows 157,000.
    meter = make_history(account.customer, years=1, start_year=2026)[1]
    meter.register_digits = 5
    meter.save()
    return meter


@pytest.fixture
def logged_in(client, account):
    client.force_login(account)
    return client


def page_of(client, meter):
    return client.get(reverse("portal:meter_reading", args=[meter.pk])).content.decode()


def submit(client, meter, value, read_on="2026-11-25", **extra):
    data = {"value": value, "read_on": read_on, **extra}
    return client.post(reverse("portal:meter_reading", args=[meter.pk]), data)


def submitted(meter):
    return meter.readings.filter(source=Reading.Source.CUSTOMER)


def window(meter, external_id, opens_on, closes_on):
    """A reading window the billing system pushed for the meter's point."""
    ReadingWindow.objects.create(
        service_point=meter.service_point,
        external_id=external_id,
        opens_on=opens_on,
        closes_on=closes_on,
    )


def test_the_form_shows_the_last_reading_the_expected_range_and_the_same_day_rule(logged_in, meter):
    page = page_of(logged_in, meter)
    assert "157,000 m³, 2026-11-15" in page
    # 47,5 m³ from 2026-01-15 to 2026-11-15 (304 days): ten days expect 1,5625 m³; a value
    # is asked back above three times that.
    assert "od 157,000 do 161,688 m³" in page
    assert "Drugi odczyt z tego samego dnia zastępuje pierwszy." in page


def test_a_value_beyond_the_register_is_refused_and_kept(logged_in, meter):
    response = submit(logged_in, meter, "100000")
    page = response.content.decode()
    assert "Licznik pokazuje najwyżej 99999,999 m³ (cyfr przed przecinkiem: 5)." in page
    assert 'value="100000"' in page
    assert not submitted(meter).exists()


def test_ten_times_the_usual_use_is_asked_back_with_the_value_kept(logged_in, meter):
    # A slip of the finger: 15 m³ in ten days is about ten times the usual 1,5625 m³.
    response = submit(logged_in, meter, "172")
    page = response.content.decode()
    assert "To ok. 10 razy więcej niż zwykle — sprawdź odczyt." in page
    assert 'value="172"' in page
    assert "Odczyt jest poprawny, zapisz go" in page
    assert not submitted(meter).exists()
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.READING_SUBMITTED).exists()


def test_a_confirmed_unlikely_value_is_stored_flagged_and_audited(logged_in, meter):
    response = submit(logged_in, meter, "175", confirmed="1")
    assert response.status_code == 302
    reading = submitted(meter).get()
    assert (reading.value, reading.needs_review) == (Decimal("175.000"), True)
    page = logged_in.get(response.url).content.decode()
    assert "Biuro obsługi klienta sprawdzi go, bo jest znacznie wyższy niż zwykle." in page
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.READING_SUBMITTED)
    assert event.customer == meter.service_point.customer
    assert event.detail == "WM-001: 175.000 m³, 2026-11-25, flagged for review"


def test_a_usual_value_is_stored_unflagged_and_audited(logged_in, meter):
    submit(logged_in, meter, "158,5")
    assert submitted(meter).get().needs_review is False
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.READING_SUBMITTED)
    assert event.detail == "WM-001: 158.500 m³, 2026-11-25"


def test_a_rollover_past_the_register_is_understood(logged_in, account):
    _point, meter = make_point_with_meter(account.customer, code="P2", serial="WM-R")
    meter.register_digits = 5
    meter.save()
    for day, value in [(date(2026, 9, 15), "99988"), (date(2026, 11, 15), "99998")]:
        meter.readings.create(read_on=day, value=Decimal(value), source="reader")
    response = submit(logged_in, meter, "0,500")
    assert response.status_code == 302
    assert submitted(meter).get().value == Decimal("0.500")
    # The meter's readings table shows the use through zero: 100000 - 99998 + 0,5.
    assert "2,500" in logged_in.get(response.url).content.decode()


def test_a_lower_value_that_is_no_plausible_rollover_is_refused(logged_in, meter):
    response = submit(logged_in, meter, "20")
    assert "Wskazanie nie może być mniejsze niż poprzedni odczyt: 157,000 m³" in (
        response.content.decode()
    )
    assert not submitted(meter).exists()


def test_a_new_meter_is_checked_against_the_tariff_group_norm(logged_in, account):
    point, meter = make_point_with_meter(account.customer, code="P3", serial="WM-N")
    point.norm_monthly_use = Decimal("3.000")
    point.save()
    meter.readings.create(read_on=date(2026, 10, 26), value=Decimal("0"), source="reader")
    # 30 days at the norm of 3 m³ a month: about 2,957 expected, so 20 is asked back.
    assert "To ok. 7 razy więcej niż zwykle" in submit(logged_in, meter, "20").content.decode()
    assert submit(logged_in, meter, "4").status_code == 302


def test_outside_a_window_the_form_says_when_the_next_one_opens(logged_in, meter):
    window(meter, "W1", date(2026, 11, 1), date(2026, 11, 5))
    window(meter, "W2", date(2027, 1, 1), date(2027, 1, 7))
    page = page_of(logged_in, meter)
    assert (
        "Teraz nie przyjmujemy odczytów; najbliższe okno odczytów: od 2027-01-01 do 2027-01-07."
        in page
    )
    assert 'name="value"' not in page
    response = submit(logged_in, meter, "158")
    assert "najbliższe okno odczytów: od 2027-01-01" in response.content.decode()
    assert not submitted(meter).exists()


def test_inside_a_window_the_reading_date_must_be_in_it_too(logged_in, meter):
    window(meter, "W1", date(2026, 11, 22), date(2026, 11, 28))
    response = submit(logged_in, meter, "158", read_on="2026-11-20")
    assert "Data odczytu musi mieścić się w oknie odczytów: od 2026-11-22 do 2026-11-28." in (
        response.content.decode()
    )
    assert submit(logged_in, meter, "158", read_on="2026-11-23").status_code == 302


def test_after_the_last_window_the_form_says_the_next_is_not_set(logged_in, meter):
    window(meter, "W1", date(2026, 11, 1), date(2026, 11, 5))
    page = page_of(logged_in, meter)
    assert "najbliższe okno odczytów nie zostało jeszcze wyznaczone." in page
    assert 'name="value"' not in page
    assert submit(logged_in, meter, "158").status_code == 200
    assert not submitted(meter).exists()


def test_the_window_open_today_counts_whatever_closed_before_or_opens_after(logged_in, meter):
    window(meter, "past", date(2026, 10, 1), date(2026, 10, 7))
    window(meter, "next", date(2027, 1, 1), date(2027, 1, 7))
    window(meter, "now", date(2026, 11, 20), date(2026, 11, 30))
    assert 'name="value"' in page_of(logged_in, meter)
    assert submit(logged_in, meter, "158", read_on="2026-11-23").status_code == 302


def test_too_many_decimals_are_refused_with_the_value_kept(logged_in, meter):
    page = submit(logged_in, meter, "158,1234").content.decode()
    assert "Upewnij się, że liczba ma nie więcej niż 3 cyfry po przecinku." in page
    assert 'value="158,1234"' in page
    assert not submitted(meter).exists()
