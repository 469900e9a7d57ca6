"""A forgotten password, set anew with the link that arrives by e-mail (sent over real SMTP)."""

import re

import pytest
from playwright.sync_api import expect

from ebok.testing import PASSWORD, log_in

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "Jesionowa-Droga-42"  # long enough, not common, no personal data
ADDRESS = "jan@example.pl"
SENT = (
    "Jeśli ten numer klienta ma konto z adresem e-mail, wysłaliśmy na ten adres "
    "link do ustawienia nowego hasła."
)


def ask_for_a_link(page, number):
    page.goto("/")
    page.get_by_role("link", name="Kliknij tu").click()
    expect(page.get_by_role("heading", name="Nie pamiętam hasła.")).to_be_visible()
    page.get_by_label("Numer klienta", exact=True).fill(number)
    page.get_by_role("button", name="Wyślij link").click()


def test_customer_sets_a_new_password_with_the_link_from_the_email(
    live_server, page, account, smtp_server
):
    ask_for_a_link(page, "001234")
    expect(page).to_have_url(re.compile(r"/password/forgotten/sent/$"))
    expect(page.get_by_text(SENT)).to_be_visible()

    [message] = smtp_server.to(ADDRESS)
    assert message["Subject"] == "Ustaw nowe hasło do e-BOK"
    assert "konta e-BOK klienta 001234" in smtp_server.body(message)
    link = smtp_server.link_in_last(ADDRESS)
    assert link.startswith(f"{live_server.url}/password/reset/")

    page.goto(link)
    expect(page.get_by_role("heading", name="Ustaw nowe hasło.")).to_be_visible()
    expect(page.get_by_text("Hasło musi mieć minimalną długość 8 znaków.")).to_be_visible()
    page.get_by_label("Nowe hasło", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Potwierdź nowe hasło", exact=True).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Ustaw hasło").click()

    expect(page.get_by_role("heading", name="Logowanie.")).to_be_visible()
    expect(
        page.get_by_text("Nowe hasło zostało ustawione. Możesz się nim teraz zalogować.")
    ).to_be_visible()

    # The customer is told by e-mail that the password changed.
    _, notice = smtp_server.to(ADDRESS)
    assert notice["Subject"] == "Hasło do e-BOK zostało zmienione"
    notice_body = smtp_server.body(notice)
    assert "hasło do konta e-BOK klienta 001234 zostało właśnie zmienione" in notice_body
    assert f"({live_server.url}/)" in notice_body

    # The old password is gone, the new one opens the panel.
    log_in(page, "001234", PASSWORD)
    expect(page.get_by_text("Nieprawidłowy numer klienta lub hasło.")).to_be_visible()
    log_in(page, "001234", NEW_PASSWORD)
    expect(page).to_have_url(re.compile(r"/panel/$"))
    expect(page.get_by_role("link", name="Witaj, 001234 !", exact=True)).to_be_visible()

    # The link worked once.
    page.goto(link)
    expect(page.get_by_role("heading", name="Link nieważny.")).to_be_visible()
    expect(
        page.get_by_text("Ten link do ustawienia nowego hasła wygasł albo został już użyty.")
    ).to_be_visible()
    expect(page.get_by_label("Nowe hasło", exact=True)).to_have_count(0)
    page.get_by_role("link", name="Poproś o nowy link").click()
    expect(page.get_by_role("heading", name="Nie pamiętam hasła.")).to_be_visible()


def test_unknown_number_gets_the_same_confirmation_and_no_email_is_sent(
    live_server, page, account, smtp_server
):
    ask_for_a_link(page, "555555")
    expect(page).to_have_url(re.compile(r"/password/forgotten/sent/$"))
    expect(page.get_by_text(SENT)).to_be_visible()
    answer_to_unknown = page.get_by_role("main").inner_text()
    # E-mail goes out before the confirmation page is answered: none can still be on its way.
    assert smtp_server.messages == []

    # A known number gets word for word the same page; only the customer's inbox differs.
    ask_for_a_link(page, "001234")
    expect(page).to_have_url(re.compile(r"/password/forgotten/sent/$"))
    expect(page.get_by_text(SENT)).to_be_visible()
    assert page.get_by_role("main").inner_text() == answer_to_unknown
    assert [m["To"] for m in smtp_server.messages] == [ADDRESS]
