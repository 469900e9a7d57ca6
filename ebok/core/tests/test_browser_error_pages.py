"""axe-core finds no WCAG 2.1 A/AA violation on the 404 and 503 pages: both languages, phone
and desktop; nothing to scroll sideways for."""

import pytest
from playwright.sync_api import expect

from ebok.testing import PASSWORD, VIEWPORTS, assert_accessible, free_port

pytestmark = pytest.mark.django_db(transaction=True)

HEADINGS = {
    404: {"pl": "Nie znaleziono strony.", "en": "Page not found."},
    503: {
        "pl": "Logowanie jest chwilowo niedostępne.",
        "en": "Logging in is temporarily unavailable.",
    },
}
LOG_IN = {"pl": "Zaloguj", "en": "Log in"}
USER = {"pl": "Użytkownik", "en": "User"}
PASSWORD_LABEL = {"pl": "Hasło", "en": "Password"}

every_language_and_width = pytest.mark.parametrize(
    ("language", "viewport"),
    [(language, viewport) for language in ["pl", "en"] for viewport in VIEWPORTS],
)


@pytest.fixture(autouse=True)
def contact(settings):
    settings.UTILITY_ADDRESS = "ul. Przemysłowa 8, 07-100 Węgrów"
    settings.UTILITY_PHONE = "25 792 20 41"
    settings.UTILITY_EMAIL = "biuro.obslugi.klienta@wodociagi-i-kanalizacja.wegrow.pl"
    settings.UTILITY_WEBSITE = "https://wodociagi-i-kanalizacja.wegrow.pl"


def open_in(page, language, viewport, path):
    """The page at `path`, switched to the language with the footer's buttons."""
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(path)
    if language == "en":
        page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", language)


def check(page, heading):
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the window"


@every_language_and_width
def test_the_404_page_has_no_accessibility_violations(live_server, page, language, viewport):
    open_in(page, language, viewport, "/nie-ma-takiej-strony/")
    check(page, HEADINGS[404][language])
    expect(page.get_by_role("main").get_by_text("25 792 20 41", exact=True)).to_be_visible()


@every_language_and_width
def test_the_503_page_has_no_accessibility_violations(
    live_server, page, settings, language, viewport
):
    open_in(page, language, viewport, "/")
    # Redis as the cache, where nothing listens: the login's throttle cannot be reached.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    page.get_by_label(USER[language], exact=True).fill("001234")
    page.get_by_label(PASSWORD_LABEL[language], exact=True).fill(PASSWORD)
    page.get_by_role("button", name=LOG_IN[language]).click()
    check(page, HEADINGS[503][language])
