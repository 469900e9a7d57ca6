""" "Security": the last 30 logins and failed attempts with Warsaw time, address and a readable
browser; "Log out everywhere else" ends every other session at once and keeps this one."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD

pytestmark = pytest.mark.usefixtures("clock")

URL = reverse("accounts:security")
FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


def log_in(client, password=PASSWORD, agent=FIREFOX):
    return client.post(
        reverse("accounts:login"),
        {"customer_number": "001234", "password": password},
        headers={"user-agent": agent},
    )


def test_history_names_the_browser_and_the_address(client, account, stranger):
    log_in(Client(), "wrong-password", IPHONE)
    log_in(client)
    Client().post(
        reverse("accounts:login"), {"customer_number": "009999", "password": "whatever-else"}
    )
    page = client.get(URL).content.decode()
    assert "Historia logowań" in page
    assert page.count("<tr>") == 3  # the header and two events of 001234, none of 009999
    assert "Firefox 133 · Windows 10" in page
    assert "Mobile Safari 17 · iOS 17" in page
    assert "Nieudane logowanie" in page
    assert "2026-11-25 10:00:00" in page  # Warsaw time
    assert "127.0.0.1" in page


def test_history_shows_the_last_30(client, account):
    for _ in range(35):
        AuditEvent.objects.create(kind=AuditEvent.Kind.LOGIN_FAILED, customer_number="001234")
    log_in(client)
    page = client.get(URL).content.decode()
    assert page.count("<tr>") == 31


def test_log_out_everywhere_else_ends_the_other_sessions_now(client, account):
    other = Client()
    log_in(other)
    log_in(client)
    assert other.get(reverse("portal:info")).status_code == 200
    response = client.post(reverse("accounts:end_other_sessions"))
    assert response.url == URL
    assert "Wszystkie inne sesje" in client.get(URL).content.decode()
    assert other.get(reverse("portal:info")).url.startswith(reverse("accounts:login"))
    assert client.get(reverse("portal:info")).status_code == 200
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.OTHER_SESSIONS_ENDED).count() == 1
    (notice,) = mail.outbox
    assert notice.to == ["jan@example.pl"]
    # The password still works: a new login elsewhere is a new session.
    assert log_in(Client()).url == reverse("portal:info")


def test_ending_other_sessions_takes_a_post(client, account):
    log_in(client)
    assert client.get(reverse("accounts:end_other_sessions")).status_code == 405
