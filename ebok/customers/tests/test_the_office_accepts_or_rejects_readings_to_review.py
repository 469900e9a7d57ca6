"""Readings to review: a self-reading far above usual, confirmed by the customer, waits in the
office's list (linked from the start page and the customer's page). Accepted, it goes to the
billing system's pull; rejected, with a reason, it never does, counts for nothing, and the
customer reads the reason on the meter page and in an e-mail. Both decisions are audited."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.customers.models import Reading
from ebok.customers.readings import SubmittedReading, record_submission
from ebok.integration.tests.conftest import ApiClient
from ebok.integration.tokens import create_token
from ebok.notifications.models import Notice
from ebok.testing import TODAY, make_point_with_meter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def meter(account):
    """Read by the utility monthly: about 10 m³ a month, 120 m³ on 2026-10-25."""
    _point, meter = make_point_with_meter(account.customer)
    for day, value in [((8, 25), 100), ((9, 25), 110), ((10, 25), 120)]:
        Reading.objects.create(
            meter=meter, read_on=date(2026, *day), value=Decimal(value), source="reader"
        )
    return meter


@pytest.fixture
def flagged(meter):
    """The customer typed 775 instead of 127.5, was asked back and confirmed it."""
    return record_submission(meter, SubmittedReading(TODAY, Decimal("775")), confirmed=True)


@pytest.fixture
def api(db):
    return ApiClient(Client(), create_token("billing-test")[1])


def pulled(api) -> dict[int, dict]:
    return {row["id"]: row for row in api.get("/submitted-readings").json()["readings"]}


def change_url(reading, action=""):
    suffix = f"_{action}" if action else "_change"
    return reverse(f"admin:customers_readingtoreview{suffix}", args=[reading.pk])


def test_the_list_shows_the_waiting_readings_with_what_to_decide_on(
    operator_client, flagged, meter
):
    page = operator_client.get(change_url(flagged)).content.decode()
    assert "Odczyt z dnia 2026-11-25, licznik WM-001" in page
    # 20 m³ in the 61 days to 2026-10-25, so about 10.164 m³ in the 31 days since.
    usual = "120,000 m³ z dnia 2026-10-25; zwykłe zużycie od tego dnia około 10,164 m³"
    assert usual in page
    assert "Przyjmij" in page and "Odrzuć" in page
    assert "Powód (klient go zobaczy)" in page
    assert 'name="_save"' not in page  # nothing to edit: only the two decisions

    plain = record_submission(meter, SubmittedReading(date(2026, 11, 20), Decimal("128.5")))
    assert flagged.needs_review and not plain.needs_review
    listing = operator_client.get(reverse("admin:customers_readingtoreview_changelist"))
    text = listing.content.decode()
    assert "<h1>Odczyty do sprawdzenia</h1>" in text
    assert change_url(flagged) in text
    assert change_url(plain) not in text


def test_accepting_hands_the_reading_to_billing_and_is_audited(
    operator_client, operator, flagged, api
):
    assert flagged.pk not in pulled(api)  # held back while it waits

    response = operator_client.post(change_url(flagged, "accept"))

    assert response.status_code == 302
    flagged.refresh_from_db()
    assert (flagged.review, flagged.reviewed_by) == (Reading.Review.ACCEPTED, operator)
    row = pulled(api)[flagged.pk]
    assert (row["value"], row["needs_review"], row["review"]) == ("775.000", True, "accepted")
    assert row["reviewed_at"] is not None
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.READING_ACCEPTED)
    assert (event.actor, event.customer_number) == (operator, "001234")
    assert event.detail == "WM-001: 775.000 m³, 2026-11-25"
    page = operator_client.get(response.url).content.decode()
    assert "Odczyt został przyjęty." in page
    assert "Przyjęty: 2026-11-25 10:00, operator." in page
    assert not Notice.objects.exists()  # an accepted reading is as the customer typed it


def test_rejecting_tells_the_customer_why_and_the_reading_counts_for_nothing(
    operator_client,
    operator,
    flagged,
    meter,
    api,
    client,
    account,
    smtp_server,
    django_capture_on_commit_callbacks,
):
    reason = "Zdjęcie licznika pokazuje 127,5 m³: prosimy podać odczyt jeszcze raz."
    with django_capture_on_commit_callbacks(execute=True):
        response = operator_client.post(change_url(flagged, "reject"), {"reason": reason})

    assert response.status_code == 302
    flagged.refresh_from_db()
    assert (flagged.review, flagged.review_reason) == (Reading.Review.REJECTED, reason)
    assert flagged.pk not in pulled(api)
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.READING_REJECTED)
    assert event.actor == operator
    assert event.detail == f"WM-001: 775.000 m³, 2026-11-25; reason: {reason}"

    [message] = smtp_server.to("jan@example.pl")
    # Folded by the e-mail library (a long encoded subject), so read without the fold's space.
    assert message["Subject"].strip() == "Odczyt licznika z dnia 2026-11-25 nie został przyjęty"
    text = smtp_server.body(message)
    assert "nie przyjęło odczytu 775,000 m³ licznika WM-001 z dnia 2026-11-25" in text
    assert f"Powód: {reason}" in text
    assert f"http://testserver/panel/meters/{meter.pk}/" in text

    client.force_login(account)
    page = client.get(reverse("portal:meter", args=[meter.pk])).content.decode()
    assert "Nieprzyjęty przez Biuro Obsługi Klienta." in page
    assert reason in page

    # The right value is taken at once: the rejected 775 no longer stands in its way.
    again = record_submission(meter, SubmittedReading(TODAY, Decimal("127.5")))
    assert again.pk == flagged.pk  # the same day's reading, replaced
    assert (again.needs_review, again.review, again.review_reason) == (False, "", "")
    assert pulled(api)[again.pk]["value"] == "127.500"


def test_a_rejection_needs_a_reason_and_nothing_is_decided_without_one(operator_client, flagged):
    response = operator_client.post(change_url(flagged, "reject"), {"reason": "   "})

    assert response.status_code == 200
    text = response.content.decode()
    assert "Napisz powód, aby klient wiedział, co zrobić." in text
    assert "Nic nie zostało zapisane." in text
    flagged.refresh_from_db()
    assert flagged.review == Reading.Review.PENDING
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.READING_REJECTED).exists()


def test_a_decided_reading_cannot_be_decided_again(operator_client, flagged):
    operator_client.post(change_url(flagged, "accept"))

    response = operator_client.post(
        change_url(flagged, "reject"), {"reason": "Za późno"}, follow=True
    )

    assert "O tym odczycie już zdecydowano" in response.content.decode()
    flagged.refresh_from_db()
    assert flagged.review == Reading.Review.ACCEPTED
    assert (
        AuditEvent.objects.filter(kind__startswith="reading_")
        .exclude(kind=AuditEvent.Kind.READING_SUBMITTED)
        .count()
        == 1
    )


def test_the_start_page_and_the_customers_page_lead_to_the_list(
    operator_client, flagged, account, stranger
):
    home = operator_client.get(reverse("admin:index")).content.decode()
    listing = reverse("admin:customers_readingtoreview_changelist")
    assert (
        f'<li class="overview-alert"><a href="{listing}"><strong>1</strong> Odczyty do sprawdzenia'
        in home
    )

    customer_page = operator_client.get(
        reverse("admin:customers_customer_change", args=[account.customer.pk])
    )
    link = customer_page.context["overview_links"]["readings_to_review"]
    assert "1 odczyt do sprawdzenia" in customer_page.content.decode()
    assert change_url(flagged) in operator_client.get(link).content.decode()

    other = operator_client.get(reverse("admin:customers_customer_change", args=[stranger.pk]))
    assert "0 odczytów do sprawdzenia" in other.content.decode()
    other_link = other.context["overview_links"]["readings_to_review"]
    assert change_url(flagged) not in operator_client.get(other_link).content.decode()


def test_the_use_after_a_rejected_reading_runs_from_the_last_one_that_counts(
    operator_client, meter, client, account
):
    wrong = record_submission(
        meter, SubmittedReading(date(2026, 11, 20), Decimal("775")), confirmed=True
    )
    operator_client.post(change_url(wrong, "reject"), {"reason": "Przecinek w złym miejscu."})
    # Neither refused as lower than 775, nor asked back: 7.5 m³ since 120 on 2026-10-25.
    right = record_submission(meter, SubmittedReading(TODAY, Decimal("127.5")))
    assert not right.needs_review

    client.force_login(account)
    rows = client.get(reverse("portal:meter_csv", args=[meter.pk])).content.decode("utf-8-sig")
    by_day = {line.split(";")[0]: line.split(";") for line in rows.splitlines()[1:]}
    assert by_day["2026-11-20"][1:3] == ["775,000", ""]
    assert by_day["2026-11-20"][4] == "odrzucony"
    assert by_day["2026-11-25"][1:3] == ["127,500", "7,500"]
    assert by_day["2026-11-25"][4] == ""
