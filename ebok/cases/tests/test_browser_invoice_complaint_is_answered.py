"""In real browsers: a customer files an invoice complaint with a PDF, a clerk answers it in
the office, the customer gets the e-mail (from the real SMTP server), follows its link and
reads the answer. And axe-core on every case page, Polish and English, phone and desktop."""

import re

import pytest
from playwright.sync_api import expect

from ebok.backoffice.roles import OPERATOR
from ebok.backoffice.tests.conftest import STAFF_PASSWORD, make_staff
from ebok.cases.tests.conftest import PDF, make_invoice, seed_case_types
from ebok.testing import (
    PASSWORD,
    VIEWPORTS,
    assert_accessible,
    authenticator,
    current_code,
    log_in,
    log_in_to_the_office,
    make_account,
    make_customer,
    panel_tabs,
)

pytestmark = pytest.mark.django_db(transaction=True)

ANSWER = "Sprawdziliśmy odczyt: faktura zostanie skorygowana do 12 m³."


@pytest.fixture
def complainant(settings, tmp_path, roles):
    settings.MEDIA_ROOT = tmp_path / "media"
    seed_case_types()
    customer = make_customer()
    make_account(customer)
    make_invoice(customer, number="FV/2026/10/000777")
    return customer


def test_a_complaint_with_a_pdf_is_answered_and_the_customer_reads_the_answer(
    live_server, page, browser, complainant, smtp_server, tmp_path
):
    scan = tmp_path / "skan faktury.pdf"
    scan.write_bytes(PDF)
    page.goto("/")
    log_in(page, "001234", PASSWORD)
    panel_tabs(page).get_by_role("link", name="Sprawy").click()
    page.get_by_role("link", name="Nowa sprawa").click()
    page.get_by_role("link", name="Reklamacja faktury").click()
    page.get_by_label("Temat").fill("Za wysokie zużycie")
    invoice = complainant.invoices.get()
    page.get_by_label("Faktura").select_option(value=str(invoice.pk))
    expect(page.get_by_label("Faktura")).to_contain_text("FV/2026/10/000777")
    page.get_by_label("Opis").fill("Licznik pokazuje 12 m³, a faktura liczy 30 m³.")
    page.get_by_label("Załączniki").set_input_files(str(scan))
    page.get_by_role("button", name="Złóż sprawę").click()
    expect(
        page.get_by_text(re.compile(r"Zgłoszono sprawę o numerze BOK/\d{4}/000001\."))
    ).to_be_visible()
    number = re.search(r"BOK/\d{4}/000001", page.content()).group(0)
    expect(page.get_by_role("link", name="skan_faktury.pdf")).to_be_visible()

    clerk = make_staff("operator", OPERATOR)
    office = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    office.goto("/admin/")
    log_in_to_the_office(office, "operator", STAFF_PASSWORD, current_code(authenticator(clerk)))
    office.goto("/admin/cases/case/")
    office.get_by_role("link", name=number).click()
    panel = office.get_by_role("region", name=f"Sprawa {number}")
    expect(panel).to_contain_text("Licznik pokazuje 12 m³")
    panel.get_by_label("Odpowiedź dla klienta").fill(ANSWER)
    panel.get_by_label("Status po odpowiedzi").select_option(label="zakończona")
    panel.get_by_role("button", name="Wyślij odpowiedź").click()
    expect(office.get_by_text("Odpowiedź została wysłana do klienta.")).to_be_visible()

    [mail] = smtp_server.to("jan@example.pl")
    assert mail["Subject"] == f"Nowa odpowiedź w sprawie {number}"
    link = smtp_server.link_in_last("jan@example.pl")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Sprawa {number}")
    expect(page.get_by_text(ANSWER)).to_be_visible()
    expect(page.get_by_text("zakończona").first).to_be_visible()


TEXTS = {
    "pl": {
        "panel": "Panel Klienta",
        "tab": "Sprawy",
        "new": "Nowa sprawa",
        "type": "Pytanie",
        "subject": "Temat",
        "file": "Złóż sprawę",
        "empty": "Wpisz treść wiadomości: nie może być pusta.",
        "body": "Opis",
    },
    "en": {
        "panel": "Client panel",
        "tab": "Cases",
        "new": "New case",
        "type": "Question",
        "subject": "Subject",
        "file": "File the case",
        "empty": "Write your message: it cannot be empty.",
        "body": "Description",
    },
}


@pytest.mark.parametrize(
    ("language", "viewport"), [(lang, view) for lang in TEXTS for view in VIEWPORTS]
)
def test_every_case_page_passes_axe(live_server, page, complainant, language, viewport):
    text = TEXTS[language]
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto("/")
    if language == "en":
        page.get_by_role("button", name="English").click()
    log_in(page, "001234", PASSWORD) if language == "pl" else _log_in_english(page)
    with page.expect_navigation():
        panel_tabs(page, text["panel"]).get_by_role("link", name=text["tab"], exact=True).click()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name=text["new"]).click()
    assert_accessible(page)
    page.get_by_role("link", name=text["type"], exact=True).click()
    page.get_by_label(text["subject"]).fill("Godziny otwarcia")
    page.get_by_role("button", name=text["file"]).click()
    expect(page.get_by_text(text["empty"])).to_be_visible()
    expect(page.get_by_label(text["subject"])).to_have_value("Godziny otwarcia")
    assert_accessible(page)
    page.get_by_label(text["body"]).fill("Do której czynne jest biuro?")
    page.get_by_role("button", name=text["file"]).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("BOK/")
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def _log_in_english(page):
    page.get_by_label("User", exact=True).fill("001234")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
