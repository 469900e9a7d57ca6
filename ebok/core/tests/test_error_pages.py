"""The portal's own error pages: its look, the customer's language, the utility's contact
details, never Django's plain or debug pages; JSON for the integration API."""

from datetime import date

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from ebok.billing.models import Invoice
from ebok.core import errors
from ebok.testing import PASSWORD, free_port, log_in_staff

CONTACT = {
    "UTILITY_ADDRESS": "ul. Przemysłowa 8, 07-100 Węgrów",
    "UTILITY_PHONE": "25 792 20 41",
    "UTILITY_EMAIL": "bok@pwik.wegrow.pl",
    "UTILITY_WEBSITE": "https://pwik.wegrow.pl",
}

HEADINGS = {
    400: {"pl": "Nieprawidłowe żądanie.", "en": "Bad request."},
    403: {"pl": "Brak dostępu.", "en": "Access denied."},
    404: {"pl": "Nie znaleziono strony.", "en": "Page not found."},
    500: {"pl": "Wystąpił błąd.", "en": "Something went wrong."},
    503: {
        "pl": "Logowanie jest chwilowo niedostępne.",
        "en": "Logging in is temporarily unavailable.",
    },
}


@pytest.fixture(autouse=True)
def contact(settings):
    for name, value in CONTACT.items():
        setattr(settings, name, value)


def browser(language, **options):
    client = Client(raise_request_exception=False, **options)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    return client


def dead_cache(settings):
    """Redis as the cache, on a port where nothing listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }


def bad_request(language, settings):
    # A host name that is not in ALLOWED_HOSTS.
    return browser(language).get("/", headers={"host": "ebok.example.com"})


def form_without_its_token(language, settings):
    client = browser(language, enforce_csrf_checks=True)
    return client.post(reverse("accounts:login"), {"customer_number": "001234"})


def unknown_address(language, settings):
    return browser(language).get("/nie-ma-takiej-strony/")


def login_with_the_cache_down(language, settings):
    dead_cache(settings)
    data = {"customer_number": "001234", "password": PASSWORD}
    return browser(language).post(reverse("accounts:login"), data)


def assert_portal_error_page(response, status, language):
    page = response.content.decode()
    assert response.status_code == status
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert f'<html lang="{language}">' in page
    assert f"<h1>{HEADINGS[status][language]}</h1>" in page
    assert "Przedsiębiorstwo Wodociągów i Kanalizacji w Węgrowie" in page
    for value in CONTACT.values():
        assert value in page
    # Neither Django's debug page nor its plain one; nothing the CSP would block.
    assert "Traceback" not in page
    assert "<title>Not Found</title>" not in page
    assert "<script" not in page
    assert "style=" not in page
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize(
    ("status", "cause"),
    [
        (400, bad_request),
        (403, form_without_its_token),
        (404, unknown_address),
        (503, login_with_the_cache_down),
    ],
)
def test_error_pages_are_the_portals_own_in_the_customers_language(
    settings, language, status, cause
):
    response = cause(language, settings)
    assert_portal_error_page(response, status, language)


@pytest.mark.django_db
def test_a_refused_form_says_why_and_what_to_do(settings):
    page = form_without_its_token("pl", settings).content.decode()
    assert "Nie można przyjąć formularza" in page
    assert "Wróć, odśwież stronę i spróbuj ponownie." in page


@pytest.mark.django_db
def test_another_customers_invoice_gets_the_404_page(account, stranger):
    day = date(2026, 1, 15)
    invoice = Invoice.objects.create(
        customer=stranger, number="FV/1", issued_on=day, due_on=day, net=1, vat=0, gross=1
    )
    client = browser("pl")
    client.force_login(account)
    response = client.get(reverse("portal:invoice", args=[invoice.pk]))
    assert_portal_error_page(response, 404, "pl")


@pytest.mark.django_db
def test_staff_without_the_permission_get_the_403_page(django_user_model):
    staff = django_user_model.objects.create_user("newcomer", password=PASSWORD, is_staff=True)
    client = log_in_staff(browser("pl"), staff)
    response = client.get(reverse("admin:customers_customer_changelist"))
    assert_portal_error_page(response, 403, "pl")
    assert "Nie masz dostępu do tej strony." in response.content.decode()


@pytest.mark.django_db
def test_the_503_page_asks_to_come_back_later_and_is_not_cached(settings):
    response = login_with_the_cache_down("pl", settings)
    assert response["Retry-After"] == str(errors.RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    assert "Spróbuj ponownie za kilka minut." in response.content.decode()


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_500_page_is_shown_while_the_database_is_down(language):
    # No database for this test: pytest-django refuses every connection, as a database that
    # is down does. The session cookie makes the portal try to read the session, and fail.
    client = browser(language)
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "a" * 32
    response = client.get(reverse("portal:info"))
    assert_portal_error_page(response, 500, language)


API = "/api/v1/readings/submitted"


def test_the_api_answers_json_for_an_unknown_address(db):
    response = Client().get("/api/v1/no-such-operation")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_the_api_answers_json_for_a_bad_request(db):
    response = Client().get(API, headers={"host": "ebok.example.com"})
    assert response.status_code == 400
    assert response.json() == {"detail": "Bad Request"}


def test_the_api_answers_json_while_the_database_is_down():
    client = Client(raise_request_exception=False)
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "a" * 32
    response = client.get(API)
    assert response.status_code == 500
    assert response.json() == {"detail": "Internal error."}
