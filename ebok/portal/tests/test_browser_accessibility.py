"""axe-core finds no WCAG 2.1 A/AA violation on any page: both languages, phone and desktop.

Each test walks a run of pages with one browser session (one login at most) and checks every
page it reaches; before each check it makes sure the page is the expected one, in the expected
language.
"""

import re

import pytest
from playwright.sync_api import expect

from ebok.accounts.services import issue_temporary_password
from ebok.testing import (
    VIEWPORTS,
    assert_accessible,
    make_account,
    make_customer,
    panel_tabs,
)

pytestmark = pytest.mark.django_db(transaction=True)

NUMBER = "001234"
NEW_PASSWORD = "Bukowa-Polana-19"  # long enough, not common, no personal data


# What the customer reads and clicks, per language.
TEXTS = {
    "pl": {
        "login": "Logowanie.",
        "user": "Użytkownik",
        "password": "Hasło",
        "log_in": "Zaloguj",
        "forgotten_link": "Kliknij tu",
        "forgotten": "Nie pamiętam hasła.",
        "customer_number": "Numer klienta",
        "send_link": "Wyślij link",
        "sent": "Jeśli ten numer klienta ma konto z adresem e-mail",
        "reset": "Ustaw nowe hasło.",
        "invalid": "Link nieważny.",
        "change": "Zmiana hasła.",
        "temporary_notice": "Zalogowano hasłem tymczasowym.",
        "current_password": "Aktualne hasło",
        "new_password": "Nowe hasło",
        "confirm_password": "Potwierdź nowe hasło",
        "change_button": "Zmień hasło",
        "too_short": "Hasło musi mieć minimalną długość 8 znaków.",
        "wrong_current": "Aktualne hasło jest nieprawidłowe.",
        "changed": "Twoje hasło zostało zmienione.",
        "to_panel": "Przejdź do Panelu Klienta",
        "greeting": "Witaj, 001234 !",
        "panel": "Panel Klienta",
        "tabs": [
            "Informacje",
            "Faktury/naliczenia",
            "Płatności",
            "Punkty/liczniki",
            "Dokumenty",
            "Sprawy",
            "Strona główna",
        ],
    },
    "en": {
        "login": "Log in.",
        "user": "User",
        "password": "Password",
        "log_in": "Log in",
        "forgotten_link": "Click here",
        "forgotten": "Forgotten password.",
        "customer_number": "Customer number",
        "send_link": "Send the link",
        "sent": "If the customer number has an account with an e-mail address",
        "reset": "Set a new password.",
        "invalid": "Link not valid.",
        "change": "Change password.",
        "temporary_notice": "You logged in with a temporary password.",
        "current_password": "Current password",
        "new_password": "New password",
        "confirm_password": "Confirm new password",
        "change_button": "Change password",
        "too_short": "Password must be at least 8 characters long.",
        "wrong_current": "The current password is not correct.",
        "changed": "Your password has been changed.",
        "to_panel": "Go to the client panel",
        "greeting": "Welcome, 001234!",
        "panel": "Client panel",
        "tabs": [
            "Information",
            "Invoices/charges",
            "Payments",
            "Points/meters",
            "Documents",
            "Cases",
            "Home page",
        ],
    },
}

# The footer's button for English, named in English whatever the page's language.
ENGLISH_BUTTON = "English"

every_language_and_width = pytest.mark.parametrize(
    ("language", "viewport"),
    [(language, viewport) for language in TEXTS for viewport in VIEWPORTS],
)


def open_login_page(page, language, viewport):
    """The login page at the given width, switched to the language with the footer's buttons."""
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto("/")
    if language == "en":
        page.get_by_role("button", name=ENGLISH_BUTTON).click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect_heading(page, TEXTS[language]["login"])  # "Log in." in English


def expect_heading(page, name):
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def check(page):
    """No axe violation, and nothing to scroll sideways for, even at a phone's width (reflow)."""
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the window"


@every_language_and_width
def test_pages_before_login_have_no_accessibility_violations(
    live_server, page, mailoutbox, language, viewport
):
    text = TEXTS[language]
    make_account(make_customer())

    open_login_page(page, language, viewport)
    check(page)

    page.get_by_role("link", name=text["forgotten_link"]).click()
    expect_heading(page, text["forgotten"])
    check(page)

    page.get_by_label(text["customer_number"], exact=True).fill(NUMBER)
    page.get_by_role("button", name=text["send_link"]).click()
    expect(page.get_by_text(text["sent"])).to_be_visible()
    check(page)

    [message] = mailoutbox
    link = re.search(r"https?://\S+", message.body).group(0)
    page.goto(link)
    expect_heading(page, text["reset"])
    check(page)

    page.goto(link.rstrip("/").rsplit("/", 1)[0] + "/not-a-valid-token/")
    expect_heading(page, text["invalid"])
    check(page)


@every_language_and_width
def test_pages_after_login_have_no_accessibility_violations(live_server, page, language, viewport):
    text = TEXTS[language]
    temporary_password = issue_temporary_password(make_customer())

    open_login_page(page, language, viewport)
    page.get_by_label(text["user"], exact=True).fill(NUMBER)
    page.get_by_label(text["password"], exact=True).fill(temporary_password)
    page.get_by_role("button", name=text["log_in"]).click()

    # The password change form, while the temporary password is in force.
    expect_heading(page, text["change"])
    expect(page.get_by_text(text["temporary_notice"])).to_be_visible()
    check(page)

    # The same form showing errors on two fields.
    page.get_by_label(text["current_password"], exact=True).fill("not-the-password")
    page.get_by_label(text["new_password"], exact=True).fill("short")
    page.get_by_label(text["confirm_password"], exact=True).fill("short")
    page.get_by_role("button", name=text["change_button"]).click()
    current = page.get_by_label(text["current_password"], exact=True)
    expect(current).to_have_accessible_description(text["wrong_current"])
    new_password = page.get_by_label(text["new_password"], exact=True)
    expect(new_password).to_have_accessible_description(text["too_short"])
    check(page)

    # The confirmation.
    page.get_by_label(text["current_password"], exact=True).fill(temporary_password)
    page.get_by_label(text["new_password"], exact=True).fill(NEW_PASSWORD)
    page.get_by_label(text["confirm_password"], exact=True).fill(NEW_PASSWORD)
    page.get_by_role("button", name=text["change_button"]).click()
    expect(page.get_by_text(text["changed"])).to_be_visible()
    check(page)

    # Every tab of the client panel, reached through the tabs themselves.
    page.get_by_role("link", name=text["to_panel"]).click()
    expect(page.get_by_role("link", name=text["greeting"], exact=True)).to_be_visible()
    tabs = panel_tabs(page, text["panel"])
    expect(tabs.get_by_role("link")).to_have_text(text["tabs"])
    for label in text["tabs"]:
        tabs.get_by_role("link", name=label, exact=True).click()
        expect_heading(page, f"{label}.")
        tabs = panel_tabs(page, text["panel"])
        expect(tabs.get_by_role("link", name=label, exact=True)).to_have_attribute(
            "aria-current", "page"
        )
        check(page)


def test_language_buttons_name_each_language_in_that_language(live_server, page):
    # A button marked lang="en" must read "English" whatever the page's language, so that a
    # reader who knows no Polish finds it and a screen reader pronounces it right (WCAG 3.1.2).
    page.goto("/")
    buttons = page.get_by_role("contentinfo").get_by_role("button")
    assert buttons.all_inner_texts() == ["Polski", "English"]
