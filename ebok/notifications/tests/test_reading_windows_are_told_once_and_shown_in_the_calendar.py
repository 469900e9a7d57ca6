"""The daily run tells a customer of a reading window two days before it opens (or later, up to
its first day), once per window, by e-mail in their language and by SMS when they chose it; the
calendar feed shows the windows not yet closed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ebok.customers.models import Meter, ReadingWindow
from ebok.notifications.models import Notice, Preference, recipient_of
from ebok.notifications.tests.helpers import run
from ebok.testing import TODAY, make_point_with_meter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def window(point, opens_in: int, days=6, name="W"):
    opens_on = TODAY + timedelta(days=opens_in)
    return ReadingWindow.objects.create(
        service_point=point,
        external_id=f"{name}-{opens_in}",
        opens_on=opens_on,
        closes_on=opens_on + timedelta(days=days),
    )


@pytest.fixture
def point(customer):
    return make_point_with_meter(customer)[0]


def test_a_window_opening_in_two_days_is_e_mailed_once_in_polish(point, smtp_server):
    told = window(point, opens_in=2)
    window(point, opens_in=3, name="later")  # told tomorrow, not today
    window(point, opens_in=-1, name="open")  # opened yesterday: the run told it then

    output = run("--event", "reading_window")

    assert "reading_window: 1 due, 1 new notices" in output
    [message] = smtp_server.to("jan@example.pl")
    assert message["Subject"] == "Odczyt licznika od 2026-11-27 do 2026-12-03"
    text = smtp_server.body(message)
    assert "od 2026-11-27 do 2026-12-03 można podać w e-BOK odczyt wodomierza" in text
    assert "07-100 Węgrów, ul. Wyszyńskiego 1 (klient 001234)" in text
    assert "Punkty i liczniki: http://testserver/panel/meters/" in text
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Od 2026-11-27 do 2026-12-03 można podać" in html
    assert Notice.objects.get().occasion == f"window-{told.pk}"

    # The next run, the same day or the day after (the window still two days or less away).
    assert "reading_window: 1 due, 0 new notices" in run("--event", "reading_window")
    assert len(smtp_server.to("jan@example.pl")) == 1


def test_the_window_is_told_up_to_its_first_day_and_never_twice(point, smtp_server, clock):
    window(point, opens_in=0)
    run("--event", "reading_window")
    clock.shift(timedelta(days=1))
    run("--event", "reading_window")

    assert len(smtp_server.to("jan@example.pl")) == 1


def test_english_and_sms_for_a_customer_who_chose_them(
    point, account, smtp_server, settings, tmp_path
):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = tmp_path
    recipient = recipient_of(account.customer)
    recipient.language = "en"
    recipient.save()
    account.phone, account.phone_confirmed_at = "+48601234567", timezone.now()
    account.save()
    Preference.objects.create(
        customer=account.customer, event="reading_window", channel="sms", enabled=True
    )
    window(point, opens_in=1)

    run("--event", "reading_window")

    [message] = smtp_server.to("jan@example.pl")
    assert message["Subject"] == "Meter reading from 2026-11-26 to 2026-12-02"
    assert "you can submit the reading of your water meter" in smtp_server.body(message)
    [sms] = [path.read_text() for path in tmp_path.iterdir()]
    assert sms.startswith("To: +48601234567")
    assert "submit your water meter reading in e-BOK from 2026-11-26 to 2026-12-02." in sms


def test_points_without_a_meter_in_use_and_customers_who_said_no_get_nothing(
    point, stranger, smtp_server
):
    Meter.objects.filter(service_point=point).update(removed_on=TODAY - timedelta(days=30))
    window(point, opens_in=2)
    other_point, _meter = make_point_with_meter(stranger, code="P2", serial="WM-002")
    window(other_point, opens_in=2, name="other")
    Preference.objects.create(
        customer=stranger, event="reading_window", channel="email", enabled=False
    )

    # Only the stranger's window is due, and they turned its e-mails off.
    assert "reading_window: 1 due, 0 new notices" in run("--event", "reading_window")
    assert smtp_server.messages == []
    assert not Notice.objects.exists()


def test_the_calendar_shows_the_windows_not_yet_closed(point, client):
    window(point, opens_in=2)
    window(point, opens_in=-10, days=3, name="closed")
    token = recipient_of(point.customer).feed_token

    body = client.get(f"/account/notifications/calendar/{token}.ics").content.decode()

    assert body.count("BEGIN:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20261127" in body
    assert "DTEND;VALUE=DATE:20261204" in body  # the day after the last
    assert "SUMMARY:Odczyt licznika: ul. Wyszyńskiego 1" in body
