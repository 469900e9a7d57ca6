"""The "Powiadomienia" page: choices per event and channel over defaults, the language of the
notices, the calendar address (revocable) and the notices of the last 12 months. Strangers and
anonymous visitors get nothing from it or from another customer's feed."""

from datetime import timedelta

import pytest
from django.urls import reverse

from ebok.notifications.models import Notice, Preference, recipient_of
from ebok.notifications.tests.helpers import make_invoice
from ebok.testing import NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]
URL = "/account/notifications/"


def test_choices_and_language_are_saved_and_shown(account, client):
    client.force_login(account)
    page = client.get(URL).content.decode()
    assert "Powiadomienia" in page
    assert 'name="payment_due__email" id="id_payment_due__email" checked' in page
    assert 'name="payment_received__email" id="id_payment_received__email">' in page

    response = client.post(
        URL, {"language": "en", "payment_received__email": "on", "overdue__sms": "on"}, follow=True
    )

    assert "Ustawienia powiadomień zostały zapisane." in response.content.decode()
    chosen = dict(
        Preference.objects.filter(customer=account.customer)
        .values_list("event", "enabled")
        .filter(channel="email")
    )
    assert chosen["payment_received"] is True and chosen["payment_due"] is False
    assert recipient_of(account.customer).language == "en"


def test_the_list_shows_notices_of_the_last_twelve_months_only(account, client):
    customer = account.customer
    Notice.objects.create(
        customer=customer,
        event="overdue",
        occasion="a",
        channel="email",
        subject="Płatność po terminie",
        status="sent",
    )
    Notice.objects.create(
        customer=customer,
        event="overdue",
        occasion="b",
        channel="email",
        subject="Stara wiadomość",
        status="sent",
        created_at=NOW - timedelta(days=400),
    )
    client.force_login(account)
    page = client.get(URL).content.decode()
    assert "Płatność po terminie" in page
    assert "Stara wiadomość" not in page


def test_the_calendar_feed_lists_due_dates_and_a_new_address_revokes_the_old(account, client):
    make_invoice(account.customer, "FV/7/2026", due_in=3, gross="120.50")
    old = recipient_of(account.customer).feed_token
    feed = client.get(f"{URL}calendar/{old}.ics")
    assert feed["Content-Type"].startswith("text/calendar")
    body = feed.content.decode()
    assert "DTSTART;VALUE=DATE:20261128" in body
    assert "FV/7/2026" in body

    client.force_login(account)
    client.post(reverse("notifications:new_feed"))

    assert client.get(f"{URL}calendar/{old}.ics").status_code == 404
    new = recipient_of(account.customer).feed_token
    assert client.get(f"{URL}calendar/{new}.ics").status_code == 200


def test_anonymous_visitors_are_sent_to_log_in_and_strangers_see_only_their_own(
    account, stranger, client
):
    assert client.get(URL)["Location"].startswith("/login/")
    assert client.post(reverse("notifications:new_feed"))["Location"].startswith("/login/")
    mine = recipient_of(account.customer).feed_token
    client.force_login(stranger.account)
    page = client.get(URL).content.decode()
    assert mine not in page
    client.post(reverse("notifications:new_feed"))
    assert recipient_of(account.customer).feed_token == mine
    assert client.get(f"{URL}calendar/not-a-token.ics").status_code == 404
