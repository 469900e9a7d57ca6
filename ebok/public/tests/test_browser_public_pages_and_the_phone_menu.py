"""In a real browser: the public pages reached from the footer pass axe-core at a phone's and a
desktop's width in Polish and English; on a phone the panel's tabs are one "Menu" line that
the keyboard alone opens, without JavaScript, and that names the current tab."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from ebok.portal.tabs import TABS
from ebok.testing import PASSWORD, VIEWPORTS, assert_accessible, log_in, make_account, make_customer

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("contact")]

HEADINGS = {
    "pl": {
        "Kontakt": "Kontakt.",
        "Deklaracja dostępności": "Deklaracja dostępności.",
        "Polityka prywatności": "Polityka prywatności.",
        "Pliki cookies": "Pliki cookies.",
    },
    "en": {
        "Contact": "Contact.",
        "Accessibility statement": "Accessibility statement.",
        "Privacy policy": "Privacy policy.",
        "Cookies": "Cookies.",
    },
}
FOOTER_LINKS = {"pl": "O e-BOK", "en": "About e-BOK"}


def tab_labels_in_polish() -> list[str]:
    with translation.override("pl"):
        return [str(label) for _url, label, _pages in TABS]


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize(
    ("language", "viewport"),
    [(language, viewport) for language in HEADINGS for viewport in VIEWPORTS],
)
def test_the_public_pages_have_no_accessibility_violations(live_server, page, language, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto("/")
    if language == "en":
        page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    for link, heading in HEADINGS[language].items():
        page.get_by_role("navigation", name=FOOTER_LINKS[language]).get_by_role(
            "link", name=link, exact=True
        ).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)
        assert overflow(page) <= 0, f"{page.url} is wider than the window"


@pytest.fixture
def phone_without_javascript(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        viewport=VIEWPORTS["phone"],
        java_script_enabled=False,
        locale="pl-PL",
    )
    yield context.new_page()
    context.close()


def test_the_keyboard_opens_the_phone_menu_without_javascript(phone_without_javascript):
    page = phone_without_javascript
    make_account(make_customer())
    page.goto("/")
    log_in(page, "001234", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Informacje.")

    navigation = page.get_by_role("navigation", name="Panel Klienta")
    menu = navigation.locator("summary")
    # Closed, the navigation is one line naming the current tab; no tab link is showing.
    expect(menu).to_have_text("Menu Informacje")
    assert navigation.bounding_box()["height"] <= 48
    expect(navigation.get_by_role("link")).to_have_count(0)
    # The greeting and "Wyloguj" stay in reach above it.
    expect(page.get_by_role("link", name="Witaj, 001234 !", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Wyloguj")).to_be_visible()

    keyboard = page.keyboard
    for focused in [
        page.get_by_role("link", name="Przejdź do treści"),
        page.get_by_role("link", name="Witaj, 001234 !", exact=True),
        page.get_by_role("link", name="Moje numery"),
        page.get_by_role("button", name="Wyloguj"),
        menu,
    ]:
        keyboard.press("Tab")
        expect(focused).to_be_focused()
    keyboard.press("Enter")
    links = navigation.get_by_role("link")
    expect(links).to_have_text(tab_labels_in_polish())
    expect(navigation.get_by_role("link", name="Informacje")).to_have_attribute(
        "aria-current", "page"
    )
    keyboard.press("Tab")
    keyboard.press("Tab")
    keyboard.press("Tab")
    expect(navigation.get_by_role("link", name="Płatności")).to_be_focused()
    keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Płatności.")
    expect(menu).to_have_text("Menu Płatności")
    keyboard.press("Tab")  # the skip link again; Space opens the menu too
    for _step in range(4):
        keyboard.press("Tab")
    expect(menu).to_be_focused()
    keyboard.press(" ")
    expect(navigation.get_by_role("link", name="Płatności")).to_have_attribute(
        "aria-current", "page"
    )
    expect(navigation.get_by_role("link", name="Informacje")).not_to_have_attribute(
        "aria-current", "page"
    )


def test_a_desktop_shows_the_tabs_in_a_row_without_the_menu(live_server, page):
    page.set_viewport_size(VIEWPORTS["desktop"])
    make_account(make_customer())
    page.goto("/")
    log_in(page, "001234", PASSWORD)
    navigation = page.get_by_role("navigation", name="Panel Klienta")
    expect(navigation.locator("summary")).to_be_hidden()
    expect(navigation.get_by_role("link")).to_have_text(tab_labels_in_polish())
    boxes = [link.bounding_box() for link in navigation.get_by_role("link").all()]
    assert len({round(box["y"]) for box in boxes}) == 1  # one row
