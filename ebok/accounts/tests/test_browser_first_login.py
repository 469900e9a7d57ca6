"""The seed guide "Zmiana hasła tymczasowego w Q-WEB", walked in a real browser.

A customer gets a temporary password from the customer office, logs in with it, is made to
choose a password of their own, and then uses the client panel with it.
"""

import re

import pytest
from playwright.sync_api import expect

from ebok.accounts.services import issue_temporary_password
from ebok.testing import log_in, make_customer

pytestmark = pytest.mark.django_db(transaction=True)

NUMBER = "001234"
NEW_PASSWORD = "Sosnowa-Aleja-77"  # long enough, not common, no personal data
TABS = [
    "Informacje",
    "Faktury/naliczenia",
    "Płatności",
    "Punkty/liczniki",
    "Dokumenty",
    "Sprawy",
    "Strona główna",
]


@pytest.fixture
def temporary_password(db):
    """The customer of the guide, holding the temporary password the office handed over."""
    return issue_temporary_password(make_customer())


def change_password(page, current, new, confirmation):
    page.get_by_label("Aktualne hasło", exact=True).fill(current)
    page.get_by_label("Nowe hasło", exact=True).fill(new)
    page.get_by_label("Potwierdź nowe hasło", exact=True).fill(confirmation)
    page.get_by_role("button", name="Zmień hasło").click()


def expect_field_error(page, label, message):
    """The message is shown next to the field and is read out with it by a screen reader."""
    field = page.get_by_label(label, exact=True)
    expect(page.locator(".field").filter(has=field).get_by_text(message)).to_be_visible()
    expect(field).to_have_accessible_description(message)


def expect_change_form(page):
    expect(page).to_have_url(re.compile(r"/password/change/$"))
    expect(page.get_by_role("heading", name="Zmiana hasła.")).to_be_visible()


def test_customer_is_led_to_change_the_temporary_password(live_server, page, temporary_password):
    # 1. Logowanie do panelu.
    page.goto("/")
    expect(page.get_by_role("heading", name="Logowanie.")).to_be_visible()
    expect(page.get_by_text("Podaj swojego użytkownika i hasło.")).to_be_visible()
    log_in(page, NUMBER, temporary_password)

    # 2. Zmiana hasła: the form comes first, with the guide's texts and the reason why.
    expect_change_form(page)
    expect(page.get_by_text("Użyj tej formatki, aby zmienić hasło")).to_be_visible()
    expect(page.get_by_text("Hasło musi mieć minimalną długość 8 znaków.")).to_be_visible()
    expect(page.get_by_text("Zalogowano hasłem tymczasowym.")).to_be_visible()
    expect(page.get_by_text("w polu „Aktualne hasło” wpisz hasło tymczasowe")).to_be_visible()

    # Each unacceptable new password is refused with its own reason.
    change_password(page, temporary_password, "Krotkie", "Krotkie")
    expect_change_form(page)
    expect_field_error(page, "Nowe hasło", "Hasło musi mieć minimalną długość 8 znaków.")

    change_password(page, temporary_password, NEW_PASSWORD, NEW_PASSWORD + "!")
    expect_change_form(page)
    expect_field_error(page, "Potwierdź nowe hasło", "Hasła nie są identyczne.")

    change_password(page, temporary_password, "password123", "password123")
    expect_change_form(page)
    expect_field_error(page, "Nowe hasło", "To hasło jest zbyt powszechne.")

    # 3. Hasło zostało zmienione.
    change_password(page, temporary_password, NEW_PASSWORD, NEW_PASSWORD)
    expect(page.get_by_role("heading", name="Zmiana hasła.")).to_be_visible()
    expect(page.get_by_text("Twoje hasło zostało zmienione.")).to_be_visible()

    # The client panel, as the guide pictures it.
    page.get_by_role("link", name="Przejdź do Panelu Klienta").click()
    expect(page).to_have_url(re.compile(r"/panel/$"))
    expect(page.get_by_text("Panel Klienta", exact=True)).to_be_visible()
    greeting = page.get_by_role("link", name="Witaj, 001234 !", exact=True)
    expect(greeting).to_be_visible()
    tabs = page.get_by_role("navigation", name="Panel Klienta").get_by_role("link")
    expect(tabs).to_have_text(TABS)
    expect(tabs.first).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("heading", name="Informacje.")).to_be_visible()
    expect(page.get_by_role("term")).to_have_text(
        [
            "Kod klienta",
            "Imię i nazwisko / Nazwa",
            "Adres",
            "Data ostatniego odczytu",
            "Rachunek do rozliczeń",
            "Należności",
        ]
    )
    # A new customer with no readings, no bank code configured and nothing invoiced yet.
    expect(page.get_by_role("definition")).to_have_text(
        ["001234", "Jan Węgrowski", "07-100 Węgrów, ul. Wyszyńskiego 1", "—", "—", "0,00 zł"]
    )

    # "Aby zmienić hasło, należy kliknąć w numer klienta": the greeting leads to the form.
    greeting.click()
    expect_change_form(page)
    expect(page.get_by_text("Zalogowano hasłem tymczasowym.")).to_have_count(0)

    page.get_by_role("button", name="Wyloguj").click()
    expect(page.get_by_role("heading", name="Logowanie.")).to_be_visible()
    expect(page.get_by_text("Wylogowano.")).to_be_visible()

    # The temporary password is spent; the customer's own one works.
    log_in(page, NUMBER, temporary_password)
    expect(page.get_by_text("Nieprawidłowy numer klienta lub hasło.")).to_be_visible()
    expect(page.get_by_role("link", name="Witaj, 001234 !", exact=True)).to_have_count(0)

    log_in(page, NUMBER, NEW_PASSWORD)
    expect(page).to_have_url(re.compile(r"/panel/$"))
    expect(page.get_by_role("link", name="Witaj, 001234 !", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Informacje.")).to_be_visible()


def test_keyboard_alone_is_enough_to_log_in_and_change_the_temporary_password(
    live_server, page, temporary_password
):
    page.goto("/")
    keyboard = page.keyboard

    keyboard.press("Tab")
    expect(page.get_by_role("link", name="Przejdź do treści")).to_be_focused()
    keyboard.press("Tab")
    expect(page.get_by_label("Użytkownik", exact=True)).to_be_focused()
    keyboard.type(NUMBER)
    keyboard.press("Tab")
    expect(page.get_by_label("Hasło", exact=True)).to_be_focused()
    keyboard.type(temporary_password)
    keyboard.press("Tab")
    expect(page.get_by_label("Zapamiętaj mnie?")).to_be_focused()
    keyboard.press("Tab")
    expect(page.get_by_role("button", name="Zaloguj")).to_be_focused()
    keyboard.press("Enter")

    expect_change_form(page)
    # The skip link jumps over the header straight to the form.
    keyboard.press("Tab")
    expect(page.get_by_role("link", name="Przejdź do treści")).to_be_focused()
    keyboard.press("Enter")
    keyboard.press("Tab")
    expect(page.get_by_label("Aktualne hasło", exact=True)).to_be_focused()
    keyboard.type(temporary_password)
    keyboard.press("Tab")
    expect(page.get_by_label("Nowe hasło", exact=True)).to_be_focused()
    keyboard.type(NEW_PASSWORD)
    keyboard.press("Tab")
    expect(page.get_by_label("Potwierdź nowe hasło", exact=True)).to_be_focused()
    keyboard.type(NEW_PASSWORD)
    keyboard.press("Tab")
    expect(page.get_by_role("button", name="Zmień hasło")).to_be_focused()
    keyboard.press("Enter")

    expect(page.get_by_text("Twoje hasło zostało zmienione.")).to_be_visible()


def test_panel_pages_lead_to_the_change_form_while_the_temporary_password_is_in_force(
    live_server, page, temporary_password
):
    page.goto("/")
    log_in(page, NUMBER, temporary_password)
    expect_change_form(page)

    for path in ["/panel/", "/panel/invoices/", "/panel/home/"]:
        page.goto(path)
        expect_change_form(page)
        expect(page.get_by_text("Zalogowano hasłem tymczasowym.")).to_be_visible()

    # Going back to the login page does not get around it either.
    page.goto("/")
    expect_change_form(page)
