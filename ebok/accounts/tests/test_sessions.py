import datetime as dt
from importlib import import_module

import pytest
from django.conf import settings
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

PANEL = reverse("portal:info")


def login(client, remember=False):
    data = {"customer_number": "001234", "password": PASSWORD}
    if remember:
        data["remember_me"] = "on"
    return client.post(reverse("accounts:login"), data)


def test_without_remember_me_the_cookie_ends_with_the_browser(client, account):
    response = login(client)
    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_without_remember_me_the_session_idles_out_after_30_minutes(client, account, clock):
    login(client)
    clock.shift(dt.timedelta(minutes=29))
    assert client.get(PANEL).status_code == 200
    clock.shift(dt.timedelta(minutes=29))  # active a moment ago: still in
    assert client.get(PANEL).status_code == 200
    clock.shift(dt.timedelta(minutes=31))
    response = client.get(PANEL)
    assert response.url.startswith(reverse("accounts:login"))
    page = client.get(response.url).content.decode()
    assert "Nastąpiło wylogowanie po 30 minutach bezczynności." in page


def test_with_remember_me_the_session_lasts_30_days(client, account, clock):
    response = login(client, remember=True)
    assert response.cookies["sessionid"]["max-age"] == 30 * 24 * 60 * 60
    clock.shift(dt.timedelta(days=29))
    assert client.get(PANEL).status_code == 200
    clock.shift(dt.timedelta(days=2))
    assert client.get(PANEL).url.startswith(reverse("accounts:login"))


def test_logout_ends_the_server_session(client, account):
    login(client)
    session_key = client.session.session_key
    response = client.post(reverse("accounts:logout"))
    assert response.url == reverse("accounts:login")
    assert not import_module(settings.SESSION_ENGINE).SessionStore().exists(session_key)
    assert client.get(PANEL).url.startswith(reverse("accounts:login"))
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGOUT).count() == 1


def test_logout_needs_a_post(client, account):
    login(client)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.get(PANEL).status_code == 200
