"""In a real browser: the account statement and the invoices' ZIP, with the keyboard alone and
without JavaScript; then axe-core on every new state, in Polish and English, at a phone's and a
desktop's width."""

import io
import zipfile

import pytest
from playwright.sync_api import expect

from ebok.billing.models import Invoice
from ebok.billing.tests.test_the_statement_agrees_with_the_tabs import make_year_of_money
from ebok.portal.tests.test_browser_panel_tabs import check  # axe, reflow and the layout
from ebok.testing import (
    PASSWORD,
    VIEWPORTS,
    log_in,
    make_account,
    make_customer,
    pdf_text,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("clock")]

TEXTS = {
    "pl": {
        "documents": "Dokumenty.",
        "statement": "Zestawienie rozliczeń.",
        "make": "Przygotuj zestawienie rozliczeń",
        "start": "Od",
        "end": "Do",
        "show": "Pokaż",
        "wrong": "Koniec okresu nie może być wcześniejszy niż jego początek.",
        "period": "Od 2026-01-01 do 2026-11-25",
        "invoices": "Faktury/naliczenia.",
    },
    "en": {
        "documents": "Documents.",
        "statement": "Account statement.",
        "make": "Make an account statement",
        "start": "From",
        "end": "To",
        "show": "Show",
        "wrong": "The end of the period cannot be earlier than its start.",
        "period": "From 2026-01-01 to 2026-11-25",
        "invoices": "Invoices/charges.",
    },
}


@pytest.fixture
def customer_with_money(db):
    customer = make_customer()
    make_account(customer)
    make_year_of_money(customer)
    return customer


def press(page, locator, key="Enter"):
    """What a keyboard user does: move the focus to the control, then press the key."""
    locator.focus()
    expect(locator).to_be_focused()
    page.keyboard.press(key)


def test_statement_and_zip_with_the_keyboard_and_no_javascript(
    live_server, browser, customer_with_money
):
    context = browser.new_context(
        java_script_enabled=False,
        base_url=live_server.url,
        locale="pl-PL",
        accept_downloads=True,
        viewport=VIEWPORTS["phone"],
    )
    page = context.new_page()
    page.goto("/")
    log_in(page, customer_with_money.number, PASSWORD)
    page.goto("/panel/documents/")
    press(page, page.get_by_role("link", name="Przygotuj zestawienie rozliczeń"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Zestawienie rozliczeń.")
    expect(page.locator("#statement-summary")).to_contain_text("98,77")

    # A period ending before it starts: refused, the dates kept.
    page.get_by_label("Od", exact=True).fill("2026-05-01")
    page.get_by_label("Do", exact=True).fill("2026-04-30")
    press(page, page.get_by_role("button", name="Pokaż"))
    end = page.get_by_label("Do", exact=True)
    expect(end).to_have_accessible_description(
        "Koniec okresu nie może być wcześniejszy niż jego początek."
    )
    expect(end).to_have_value("2026-04-30")
    expect(page.get_by_label("Od", exact=True)).to_have_value("2026-05-01")

    end.fill("2026-11-25")
    press(page, page.get_by_role("button", name="Pokaż"))
    expect(page.get_by_role("heading", name="Od 2026-05-01 do 2026-11-25")).to_be_visible()
    entries = page.locator("#statement-entries tbody tr")
    expect(entries).to_have_count(3)  # the interest note, the September invoice, a payment
    expect(entries.last).to_contain_text("98,77")

    with page.expect_download() as pdf_download:
        press(page, page.get_by_role("button", name="Pobierz PDF"))
    download = pdf_download.value
    assert download.suggested_filename == "zestawienie-001234-2026-05-01-2026-11-25.pdf"
    text = pdf_text(download.path())
    assert "Saldo końcowe na 2026-11-25" in text
    assert "98,77 zł" in text
    assert "nota odsetkowa" in text

    with page.expect_download() as csv_download:
        press(page, page.get_by_role("button", name="Pobierz CSV"))
    assert csv_download.value.suggested_filename.endswith(".csv")

    # The invoice list: two ticked with Space, downloaded as one ZIP.
    page.goto("/panel/invoices/")
    for number in ["FV/2026/01/0042", "NO/2026/06/0003"]:
        invoice = Invoice.objects.get(number=number)
        press(page, page.locator(f"#pick-{invoice.pk}"), "Space")
        expect(page.locator(f"#pick-{invoice.pk}")).to_be_checked()
    with page.expect_download() as zip_download:
        press(page, page.get_by_role("button", name="Pobierz zaznaczone faktury"))
    assert zip_download.value.suggested_filename == "faktury-001234-wybrane.zip"
    with open(zip_download.value.path(), "rb") as file:
        archive = zipfile.ZipFile(io.BytesIO(file.read()))
    assert archive.namelist() == ["kopia-FV-2026-01-0042.pdf", "kopia-NO-2026-06-0003.pdf"]

    # The year's invoices, the year chosen with the keyboard.
    page.get_by_label("Wszystkie faktury z roku").select_option("2025")
    with page.expect_download() as year_download:
        press(page, page.get_by_role("button", name="Pobierz faktury z wybranego roku"))
    assert year_download.value.suggested_filename == "faktury-001234-2025.zip"
    context.close()


@pytest.mark.parametrize("language", ["pl", "en"])
def test_new_pages_have_no_accessibility_violations(
    live_server, page, customer_with_money, language
):
    text = TEXTS[language]
    page.goto("/")
    if language == "pl":
        log_in(page, customer_with_money.number, PASSWORD)
    else:
        page.get_by_role("button", name="English").click()
        page.get_by_label("User", exact=True).fill(customer_with_money.number)
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/panel/")

    for viewport in VIEWPORTS.values():
        page.set_viewport_size(viewport)

        page.goto("/panel/documents/")
        expect(page.get_by_role("heading", level=1)).to_have_text(text["documents"])
        check(page)

        page.get_by_role("link", name=text["make"]).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(text["statement"])
        expect(page.get_by_role("heading", name=text["period"])).to_be_visible()
        check(page)

        page.get_by_label(text["start"], exact=True).fill("2026-05-01")
        page.get_by_label(text["end"], exact=True).fill("2026-04-30")
        page.get_by_role("button", name=text["show"]).click()
        expect(page.get_by_text(text["wrong"])).to_be_visible()
        check(page)

        page.goto("/panel/invoices/")
        expect(page.get_by_role("heading", level=1)).to_have_text(text["invoices"])
        check(page)
