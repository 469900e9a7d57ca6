"""In a real browser, a customer submits a usual reading, confirms an unlikely one and has one
refused; the chart's table agrees with the database; every state passes axe-core, in Polish at
a phone's width and in English at a desktop's."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from ebok.customers.consumption import monthly
from ebok.customers.models import Reading
from ebok.testing import (
    PASSWORD,
    TODAY,
    VIEWPORTS,
    assert_accessible,
    log_in,
    make_account,
    make_history,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("clock")]

TEXTS = {
    "pl": {
        "english": False,
        "user": "Użytkownik",
        "password": "Hasło",
        "log_in": "Zaloguj",
        "meters": "Punkty/liczniki",
        "form": "Podaj odczyt",
        "value": "Wskazanie licznika (m³)",
        "submit": "Wyślij odczyt",
        "confirm": "Odczyt jest poprawny, zapisz go",
        "asked": "To ok. 10 razy więcej niż zwykle — sprawdź odczyt.",
        "stored": "Dziękujemy. Zapisaliśmy odczyt 272,500 m³ z dnia 2026-11-25.",
        "flagged": "Biuro obsługi klienta sprawdzi go",
        "lower": "Wskazanie nie może być mniejsze niż poprzedni odczyt",
        "table": "Liczby w tabeli",
    },
    "en": {
        "english": True,
        "user": "User",
        "password": "Password",
        "log_in": "Log in",
        "meters": "Points/meters",
        "form": "Submit a reading",
        "value": "Meter value (m³)",
        "submit": "Submit the reading",
        "confirm": "The reading is right, submit it",
        "asked": "That is about 10 times more than usual — check the reading.",
        "stored": "Thank you. Your reading of 272.500 m³ on 2026-11-25 has been recorded.",
        "flagged": "The customer office will check it",
        "lower": "The value cannot be lower than the previous reading",
        "table": "The numbers as a table",
    },
}


@pytest.fixture
def meter(db):
    from ebok.testing import make_customer

    customer = make_customer()
    make_account(customer)
    return make_history(customer, years=3, start_year=2024)[1]


@pytest.mark.parametrize(("language", "viewport"), [("pl", "phone"), ("en", "desktop")])
def test_usual_confirmed_and_refused_readings(live_server, page, meter, language, viewport):
    words = TEXTS[language]
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto("/")
    if words["english"]:
        page.get_by_role("button", name="English").click()
    page.get_by_label(words["user"], exact=True).fill(meter.service_point.customer.number)
    page.get_by_label(words["password"], exact=True).fill(PASSWORD)
    page.get_by_role("button", name=words["log_in"]).click()
    # The tab's address (on a phone the tabs sit behind the menu button).
    page.wait_for_url("**/panel/")
    page.goto("/panel/meters/")
    assert_accessible(page)

    # The chart's table says what the readings give.
    (series,), _total = monthly([meter], TODAY, "")
    page.get_by_text(words["table"]).first.click()
    table = page.locator("#use-total-table")
    last = series.months[-1]
    row = table.locator("tbody tr").first
    expect(row.locator("th")).to_have_text(last.start.strftime("%m.%Y"))
    shown = row.locator("td").first.inner_text()
    number = re.match(r"[0-9.,]+", shown).group(0).replace(",", ".")
    assert Decimal(number) == last.used

    # Each meter of the tab leads to its form.
    row = page.get_by_role("row").filter(has_text=meter.serial_number)
    row.get_by_role("link", name=words["form"]).click()
    value = page.get_by_label(words["value"])

    # Refused: lower than the last reading (271,000 of 2026-11-15); the value stays typed.
    value.fill("150")
    page.get_by_role("button", name=words["submit"]).click()
    expect(page.get_by_text(words["lower"])).to_be_visible()
    expect(value).to_have_value("150")
    assert_accessible(page)

    # Asked back: about ten times the usual use; confirmed, stored flagged.
    value.fill("286")
    page.get_by_role("button", name=words["submit"]).click()
    expect(page.get_by_text(words["asked"])).to_be_visible()
    expect(value).to_have_value("286")
    assert_accessible(page)
    page.get_by_role("button", name=words["confirm"]).click()
    expect(page.get_by_text(words["flagged"])).to_be_visible()
    reading = meter.readings.get(source=Reading.Source.CUSTOMER)
    assert (reading.value, reading.needs_review) == (Decimal("286"), True)

    # Back on the meter's page, whose readings show it; its form again: a usual reading the
    # same day replaces it, unflagged.
    expect(page.locator("tbody").last).to_contain_text("286")
    page.get_by_role("link", name=words["form"], exact=True).click()
    page.get_by_label(words["value"]).fill("272.5" if words["english"] else "272,5")
    page.get_by_role("button", name=words["submit"]).click()
    expect(page.get_by_text(words["stored"])).to_be_visible()
    reading = meter.readings.get(source=Reading.Source.CUSTOMER)
    assert (reading.value, reading.needs_review) == (Decimal("272.5"), False)
    assert_accessible(page)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_a_reading_is_submitted_with_the_keyboard_alone_without_javascript(
    live_server, page, meter
):
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto("/")
    log_in(page, meter.service_point.customer.number, PASSWORD)
    page.goto(f"/panel/meters/{meter.pk}/")
    keyboard = page.keyboard

    # The skip link, then the way back to the meters, then the meter's form.
    keyboard.press("Tab")
    expect(page.get_by_role("link", name="Przejdź do treści")).to_be_focused()
    keyboard.press("Enter")
    keyboard.press("Tab")
    expect(page.get_by_role("link", name="Powrót do punktów i liczników")).to_be_focused()
    keyboard.press("Tab")
    expect(page.get_by_role("link", name="Podaj odczyt", exact=True)).to_be_focused()
    with page.expect_navigation():
        keyboard.press("Enter")

    keyboard.press("Tab")
    keyboard.press("Enter")  # the skip link
    keyboard.press("Tab")
    expect(
        page.get_by_role("link", name=f"Powrót do licznika {meter.serial_number}")
    ).to_be_focused()
    keyboard.press("Tab")
    value = page.get_by_label("Wskazanie licznika (m³)")
    expect(value).to_be_focused()
    keyboard.type("272,5")
    keyboard.press("Tab")
    expect(page.get_by_label("Data odczytu")).to_be_focused()
    expect(page.get_by_label("Data odczytu")).to_have_value(TODAY.isoformat())
    # The date's parts (day, month, year, as the browser's locale orders them) take a Tab each.
    photo = page.get_by_label("Zdjęcie licznika (nieobowiązkowe)")
    for _ in range(6):
        keyboard.press("Tab")
        try:
            expect(photo).to_be_focused(timeout=500)
            break
        except AssertionError:
            continue
    expect(photo).to_be_focused()
    keyboard.press("Tab")
    expect(page.get_by_role("button", name="Wyślij odczyt")).to_be_focused()
    with page.expect_navigation():
        keyboard.press("Enter")

    expect(
        page.get_by_text("Dziękujemy. Zapisaliśmy odczyt 272,500 m³ z dnia 2026-11-25.")
    ).to_be_visible()
    assert page.url.endswith(f"/panel/meters/{meter.pk}/")
    assert meter.readings.get(source=Reading.Source.CUSTOMER).value == Decimal("272.5")
