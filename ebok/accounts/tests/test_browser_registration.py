"""Self-registration from the login page, walked in a real browser; e-mail over real SMTP.

The walk: wrong invoice data, an existing account and a successful registration all get the
same page; only the inbox differs. Then axe-core on the form (also with errors) and the answer,
in both languages, at a phone's width and a desktop's.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from ebok.accounts.tests.helpers import INVOICE_NUMBER, make_invoice
from ebok.testing import VIEWPORTS, assert_accessible, log_in, make_account, make_customer

pytestmark = pytest.mark.django_db(transaction=True)

ADDRESS = "jan@example.pl"
OTHER = "ewa@example.pl"
SENT = "Jeśli dane są zgodne, wysłaliśmy Ci wiadomość e-mail."

TEXTS = {
    "pl": {
        "login": "Logowanie.",
        "register_link": "Zarejestruj",
        "register": "Rejestracja.",
        "customer_number": "Numer klienta",
        "invoice_number": "Numer faktury",
        "gross": "Kwota brutto tej faktury (zł)",
        "email": "Adres e-mail",
        "terms": "Akceptuję regulamin",
        "e_invoice": "Wyrażam zgodę na otrzymywanie faktur w formie elektronicznej",
        "button": "Zarejestruj",
        "unreadable": "Nie można odczytać tej kwoty.",
        "terms_required": "Aby się zarejestrować, zaakceptuj regulamin.",
        "sent": SENT,
    },
    "en": {
        "login": "Log in.",
        "register_link": "Register",
        "register": "Register.",
        "customer_number": "Customer number",
        "invoice_number": "Invoice number",
        "gross": "Gross amount of that invoice (PLN)",
        "email": "E-mail address",
        "terms": "I accept the terms of service",
        "e_invoice": "I agree to receive my invoices electronically (e-faktura)",
        "button": "Register",
        "unreadable": "This amount cannot be read.",
        "terms_required": "To register, accept the terms of service.",
        "sent": "If the data match, we have sent you an e-mail.",
    },
}


@pytest.fixture
def invoices(db, terms):
    """Jan (001234) has no account yet; Ewa (009999) has one with a password of her own."""
    jan = make_customer()
    ewa = make_customer(number="009999", name="Ewa Obca", email_address=OTHER)
    make_account(ewa)
    make_invoice(jan)
    make_invoice(ewa, number="FV/2026/11/000999", gross="1234.56")


def open_form(page, language="pl", viewport="desktop"):
    """From the login page, in the language chosen with the footer's buttons, to the form."""
    text = TEXTS[language]
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto("/")
    if language == "en":
        page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(text["login"])
    page.get_by_role("link", name=text["register_link"], exact=True).click()
    expect(page).to_have_url(re.compile(r"/register/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(text["register"])


def fill(page, number, invoice, gross, email, language="pl", accept_terms=True):
    text = TEXTS[language]
    page.get_by_label(text["customer_number"], exact=True).fill(number)
    page.get_by_label(text["invoice_number"], exact=True).fill(invoice)
    page.get_by_label(text["gross"], exact=True).fill(gross)
    page.get_by_label(text["email"], exact=True).fill(email)
    if accept_terms:
        page.get_by_label(text["terms"]).check()
    page.get_by_role("button", name=text["button"], exact=True).click()


def expect_sent_page(page, language="pl"):
    expect(page).to_have_url(re.compile(r"/register/sent/$"))
    expect(page.get_by_text(TEXTS[language]["sent"])).to_be_visible()
    return page.get_by_role("main").inner_text()


def test_registration_answers_alike_and_the_emailed_password_opens_the_account(
    live_server, page, invoices, smtp_server
):
    # Wrong invoice data: the neutral answer, and no e-mail.
    open_form(page)
    expect(page.get_by_label(TEXTS["pl"]["e_invoice"])).not_to_be_checked()
    fill(page, "001234", INVOICE_NUMBER, "61,00", ADDRESS)
    neutral = expect_sent_page(page)
    expect(page.get_by_text("sprawdź folder ze spamem;")).to_be_visible()
    expect(page.get_by_text("skontaktuj się z biurem obsługi klienta.")).to_be_visible()
    assert smtp_server.messages == []

    # An existing account: the same answer; the e-mail says so and leads to a new password.
    open_form(page)
    fill(page, "009999", "FV/2026/11/000999", "1 234,56", OTHER)
    assert expect_sent_page(page) == neutral
    [exists] = smtp_server.to(OTHER)
    assert exists["Subject"] == "Masz już konto w e-BOK"
    assert "Ten klient ma już konto z własnym hasłem" in smtp_server.body(exists)
    assert "Hasło tymczasowe" not in smtp_server.body(exists)
    forgotten = re.findall(r"https?://\S+", smtp_server.body(exists))[-1].rstrip(";")
    assert forgotten == f"{live_server.url}/password/forgotten/"

    # The right data for a customer without an account: the same answer, and the password.
    open_form(page)
    fill(page, " 001234 ", INVOICE_NUMBER.lower(), "60,00", ADDRESS)
    assert expect_sent_page(page) == neutral
    [message] = smtp_server.to(ADDRESS)
    assert message["Subject"] == "Hasło tymczasowe do e-BOK"
    body = smtp_server.body(message)
    assert "Numeru użytkownika oraz hasła nie należy udostępniać osobom trzecim!" in body
    assert f"{live_server.url}/login/" in body
    password = re.search(r"^Hasło tymczasowe: (\S+)\s*$", body, re.MULTILINE).group(1)

    page.get_by_role("link", name="Powrót do logowania").click()
    log_in(page, "001234", password)
    expect(page).to_have_url(re.compile(r"/password/change/$"))
    expect(page.get_by_role("heading", name="Zmiana hasła.")).to_be_visible()
    expect(page.get_by_text("Zalogowano hasłem tymczasowym.")).to_be_visible()

    # The terms linked from the form open for anyone.
    page.get_by_role("button", name="Wyloguj").click()
    response = page.request.get("/terms/")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"


def check(page):
    """No axe violation, and nothing to scroll sideways for, even at a phone's width (reflow)."""
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the window"


@pytest.mark.parametrize(
    ("language", "viewport"),
    [(language, viewport) for language in TEXTS for viewport in VIEWPORTS],
)
def test_registration_pages_have_no_accessibility_violations(
    live_server, page, invoices, language, viewport
):
    text = TEXTS[language]
    open_form(page, language, viewport)
    check(page)

    # Errors on two fields, each read out with its field.
    fill(page, "001234", INVOICE_NUMBER, "sześćdziesiąt", ADDRESS, language, accept_terms=False)
    gross = page.get_by_label(text["gross"], exact=True)
    expect(gross).to_have_value("sześćdziesiąt")
    expect(gross).to_have_accessible_description(re.compile(re.escape(text["unreadable"])))
    expect(page.get_by_label(text["terms"])).to_have_accessible_description(text["terms_required"])
    check(page)

    fill(page, "001234", INVOICE_NUMBER, "61,00", ADDRESS, language)
    expect_sent_page(page, language)
    check(page)

    # The page the link to confirm a new address opens, and the one after it.
    open_form(page, language, viewport)
    fill(page, "001234", INVOICE_NUMBER, "60,00", "jan.nowy@example.pl", language)
    expect_sent_page(page, language)
    page.goto(re.search(r"https?://\S+", mail.outbox[-1].body)[0])
    check(page)
    page.locator("main form button").click()
    expect(page.get_by_text("jan.nowy@example.pl")).to_be_visible()
    check(page)


STRANGER = "obcy@example.net"


def test_a_new_address_is_confirmed_by_its_link_before_the_password_goes_to_it(
    live_server, page, invoices, smtp_server
):
    # Ewa has a password of her own: a stranger's address gets nothing, Ewa hears of it.
    open_form(page)
    fill(page, "009999", "FV/2026/11/000999", "1 234,56", STRANGER)
    expect_sent_page(page)
    assert smtp_server.to(STRANGER) == []
    assert [m["Subject"] for m in smtp_server.to(OTHER)] == ["Masz już konto w e-BOK"]

    # Jan has no account: a new address gets a link first, and no password.
    open_form(page)
    fill(page, "001234", INVOICE_NUMBER, "60,00", "jan.nowy@example.pl")
    expect_sent_page(page)
    [link_message] = smtp_server.to("jan.nowy@example.pl")
    assert link_message["Subject"] == "Potwierdź adres e-mail w e-BOK"
    confirm_url = smtp_server.link_in_last("jan.nowy@example.pl")
    page.goto(confirm_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Potwierdź adres e-mail.")
    check(page)
    page.get_by_role("button", name="Potwierdź adres").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Adres e-mail potwierdzony.")
    check(page)

    password_message = smtp_server.to("jan.nowy@example.pl")[-1]
    assert password_message["Subject"] == "Hasło tymczasowe do e-BOK"
    assert [m["Subject"] for m in smtp_server.to(ADDRESS)] == [
        "Adres e-mail Twojego konta w e-BOK został zmieniony"
    ]
    body = smtp_server.body(password_message)
    password = re.search(r"^Hasło tymczasowe: (\S+)\s*$", body, re.MULTILINE).group(1)
    page.get_by_role("link", name="Powrót do logowania").click()
    log_in(page, "001234", password)
    expect(page).to_have_url(re.compile(r"/password/change/$"))

    # The link worked once.
    page.goto(confirm_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Link nieważny.")
