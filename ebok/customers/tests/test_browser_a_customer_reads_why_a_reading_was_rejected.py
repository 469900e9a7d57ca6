"""In a real browser, the customer finds the reading the office rejected on the meter's page with
the reason beside it, and no consumption drawn from it; the page passes axe-core in Polish at a
phone's width and in English at a desktop's."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from ebok.customers import review
from ebok.customers.readings import SubmittedReading, record_submission
from ebok.testing import PASSWORD, TODAY, VIEWPORTS, assert_accessible, make_account, make_history

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("clock")]

REASON = "Zdjęcie licznika pokazuje inną wartość."
TEXTS = {
    "pl": {"rejected": "Nieprzyjęty przez Biuro Obsługi Klienta.", "reason": "Powód"},
    "en": {"rejected": "Not accepted by the customer office.", "reason": "Reason"},
}


@pytest.fixture
def meter(db):
    from ebok.testing import make_customer

    customer = make_customer()
    make_account(customer)
    meter = make_history(customer, years=2, start_year=2025)[1]
    last = meter.readings.order_by("-read_on").first()
    reading = record_submission(
        meter, SubmittedReading(TODAY, last.value + Decimal(900)), confirmed=True
    )
    clerk = get_user_model().objects.create_user(username="clerk", is_staff=True)
    request = RequestFactory().post("/")
    request.user = clerk
    review.reject(request, reading, REASON)
    return meter


@pytest.mark.parametrize(("language", "viewport"), [("pl", "phone"), ("en", "desktop")])
def test_the_rejected_reading_shows_its_reason(live_server, page, meter, language, viewport):
    words = TEXTS[language]
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto("/")
    if language == "en":
        page.get_by_role("button", name="English").click()
        page.get_by_label("User", exact=True).fill(meter.service_point.customer.number)
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
    else:
        page.get_by_label("Użytkownik", exact=True).fill(meter.service_point.customer.number)
        page.get_by_label("Hasło", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Zaloguj").click()
    page.wait_for_url("**/panel/")
    page.goto(f"/panel/meters/{meter.pk}/")

    # The readings' table, the newest first (the chart's tables sit closed above it).
    row = page.locator("table.responsive").last.locator("tbody tr").first
    assert "2026-11-25" in row.inner_text()
    assert words["rejected"] in row.inner_text()
    assert f"{words['reason']}: {REASON}" in row.inner_text()
    # No use is drawn from the rejected value.
    assert row.locator("td").nth(1).inner_text().strip() == "—"
    assert_accessible(page)
