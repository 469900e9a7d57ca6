"""With the shared cache (Redis) down, the panel keeps working from the database, the throttled
forms fail closed with a 503, and everything recovers by itself when Redis is back.

Each test runs its own redis-server (ebok.testing.RedisServer) and the cache and session
settings that ebok/settings.py makes from REDIS_URL, then stops and starts that server.
"""

import os
import runpy
import socket
import time
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from ebok.accounts import sessions
from ebok.accounts.tests.helpers import form_data, make_invoice
from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD, RedisServer, free_port

pytestmark = pytest.mark.django_db

UNAVAILABLE_PL = "Logowanie jest chwilowo niedostępne."
UNAVAILABLE_EN = "Logging in is temporarily unavailable."
REFUSED = "Zbyt wiele nieudanych prób logowania."


def production_cache(url: str) -> dict:
    """CACHES and SESSION_ENGINE exactly as ebok/settings.py makes them from REDIS_URL."""
    with mock.patch.dict(os.environ, {"REDIS_URL": url}):
        made = runpy.run_path(str(django_settings.BASE_DIR / "ebok" / "settings.py"))
    return {"CACHES": made["CACHES"], "SESSION_ENGINE": made["SESSION_ENGINE"]}


def use(settings, url: str) -> None:
    for name, value in production_cache(url).items():
        setattr(settings, name, value)


@pytest.fixture
def redis_server(settings):
    with RedisServer() as server:
        use(settings, server.url)
        yield server


def log_in(client, password=PASSWORD, **extra):
    data = {"customer_number": "001234", "password": password}
    return client.post(reverse("accounts:login"), data, **extra)


def logged_in_browser():
    browser = Client()
    assert log_in(browser).url == reverse("portal:info")
    return browser


def test_a_logged_in_customer_keeps_browsing_the_panel_while_the_cache_is_down(
    redis_server, account
):
    browser = logged_in_browser()
    redis_server.stop()

    for name in ["portal:info", "portal:invoices", "portal:payments", "portal:meters"]:
        response = browser.get(reverse(name))
        assert response.status_code == 200, name
        assert "Witaj, 001234 !" in response.content.decode()


def test_logging_out_works_while_the_cache_is_down(redis_server, account):
    browser = logged_in_browser()
    redis_server.stop()

    assert browser.post(reverse("accounts:logout")).url == reverse("accounts:login")
    response = browser.get(reverse("portal:info"))
    assert response.url.startswith(reverse("accounts:login"))


def test_a_new_password_is_set_audited_and_told_while_the_cache_is_down(
    redis_server, account, mailoutbox
):
    browser = logged_in_browser()
    redis_server.stop()

    new_password = "Bukowa-Polana-19"
    response = browser.post(
        reverse("accounts:password_change"),
        {
            "current_password": PASSWORD,
            "new_password1": new_password,
            "new_password2": new_password,
        },
    )

    assert response.url == reverse("accounts:password_changed")
    account.refresh_from_db()
    assert account.check_password(new_password)
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PASSWORD_CHANGED).count() == 1
    assert len(mailoutbox) == 1
    assert browser.get(reverse("portal:info")).status_code == 200


@pytest.mark.parametrize(("language", "message"), [("pl", UNAVAILABLE_PL), ("en", UNAVAILABLE_EN)])
def test_login_answers_503_in_the_customers_language_while_the_cache_is_down(
    redis_server, settings, account, language, message
):
    redis_server.stop()
    browser = Client(headers={"accept-language": language})

    response = log_in(browser)

    assert response.status_code == 503
    assert response["Retry-After"]
    assert f'lang="{language}"' in response.content.decode()
    assert message in response.content.decode()
    # Refused before the password was checked: no login, no session.
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN).exists()
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_a_wrong_password_is_refused_with_the_same_503(redis_server, account):
    redis_server.stop()
    response = log_in(Client(), password="not-the-password")
    assert response.status_code == 503
    assert UNAVAILABLE_PL in response.content.decode()
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_FAILED).exists()


def test_registration_answers_503_while_the_cache_is_down(redis_server, customer, terms):
    make_invoice(customer)
    redis_server.stop()

    response = Client().post(reverse("accounts:register"), form_data())

    assert response.status_code == 503
    assert UNAVAILABLE_PL in response.content.decode()


def test_the_forgotten_password_form_answers_503_while_the_cache_is_down(
    redis_server, account, mailoutbox
):
    redis_server.stop()

    response = Client().post(reverse("accounts:password_forgotten"), {"customer_number": "001234"})

    assert response.status_code == 503
    assert UNAVAILABLE_PL in response.content.decode()
    assert mailoutbox == []


def test_everything_works_again_when_the_cache_is_back(redis_server, account):
    browser = logged_in_browser()
    redis_server.stop()
    assert log_in(Client()).status_code == 503

    redis_server.start()

    assert browser.get(reverse("portal:info")).status_code == 200
    assert log_in(Client()).url == reverse("portal:info")
    # The throttle counts again: five failures, then even the right password waits.
    stranger = Client()
    for _ in range(5):
        assert log_in(stranger, password="not-the-password").status_code == 200
    response = log_in(stranger)
    assert response.status_code == 200
    assert REFUSED in response.content.decode()


def test_a_session_ended_while_the_cache_was_unreachable_is_not_revived_by_its_copy(
    redis_server, settings, account, monkeypatch
):
    # Redis keeps running with the session's copy, but this app server cannot reach it (a
    # network fault): the logout reaches the database only. Once the cache is reachable again
    # the copy must not log the stolen cookie back in for longer than a copy lives (a minute;
    # three seconds here).
    monkeypatch.setattr(sessions, "CACHE_COPY_SECONDS", 3)
    browser = logged_in_browser()
    cookie = browser.cookies[settings.SESSION_COOKIE_NAME].value
    copy = sessions.SessionStore.cache_key_prefix + cookie

    use(settings, f"redis://127.0.0.1:{free_port()}/0")
    assert browser.post(reverse("accounts:logout")).status_code == 302
    use(settings, redis_server.url)
    assert cache.has_key(copy)  # the logout could not remove it

    deadline = time.monotonic() + 5
    while cache.has_key(copy) and time.monotonic() < deadline:
        time.sleep(0.1)
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = cookie
    response = thief.get(reverse("portal:info"))
    assert response.url.startswith(reverse("accounts:login"))


def test_a_cache_that_does_not_answer_delays_a_login_by_about_a_second(settings, account):
    # A server that accepts connections and never replies: without timeouts every request
    # would hang for as long as the operating system lets it.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        use(settings, f"redis://127.0.0.1:{silent.getsockname()[1]}/0")

        started = time.monotonic()
        response = log_in(Client())
        elapsed = time.monotonic() - started

    assert response.status_code == 503
    assert elapsed < 3
