"""ADMIN_ALLOWED_NETWORKS: the admin, login included, answers 404 outside the listed networks;
the client address is the throttle's (REMOTE_ADDR, or X-Forwarded-For by TRUSTED_PROXY_COUNT)."""

import pytest
from django.urls import reverse

from ebok.backoffice.roles import OPERATOR
from ebok.backoffice.tests.conftest import enter_password, make_staff
from ebok.core.env import env_networks
from ebok.core.tests.test_deployment import PRODUCTION, manage
from ebok.testing import authenticator, log_in_staff

pytestmark = pytest.mark.django_db

OFFICE = "10.1.2.3"
OUTSIDE = "203.0.113.9"
CUSTOMERS = reverse("admin:customers_customer_changelist")


@pytest.fixture
def office_networks(settings, monkeypatch):
    monkeypatch.setenv("ADMIN_ALLOWED_NETWORKS", "10.0.0.0/8, 192.168.1.0/24, 2001:db8::/32")
    settings.ADMIN_ALLOWED_NETWORKS = env_networks("ADMIN_ALLOWED_NETWORKS")


@pytest.fixture
def operator(roles):
    user = make_staff("operator", OPERATOR)
    authenticator(user)
    return user


@pytest.mark.parametrize("address", [OFFICE, "192.168.1.200", "2001:db8::7", "::ffff:10.9.9.9"])
def test_the_login_opens_inside_the_networks(client, office_networks, address):
    assert client.get(reverse("admin:login"), REMOTE_ADDR=address).status_code == 200


@pytest.mark.parametrize("address", [OUTSIDE, "192.168.2.1", "2001:db9::1", ""])
def test_the_admin_is_not_found_outside_the_networks(client, office_networks, operator, address):
    for url in [reverse("admin:login"), reverse("admin:index"), CUSTOMERS, "/admin/nothing/"]:
        assert client.get(url, REMOTE_ADDR=address).status_code == 404, url
    response = enter_password(client, REMOTE_ADDR=address)
    assert response.status_code == 404
    assert "_auth_user_id" not in client.session


def test_even_a_logged_in_staff_member_finds_nothing_from_outside(
    client, office_networks, operator
):
    log_in_staff(client, operator)
    assert client.get(CUSTOMERS, REMOTE_ADDR=OFFICE).status_code == 200
    assert client.get(CUSTOMERS, REMOTE_ADDR=OUTSIDE).status_code == 404


def test_the_portal_stays_open_from_anywhere(client, office_networks):
    assert client.get(reverse("accounts:login"), REMOTE_ADDR=OUTSIDE).status_code == 200


def test_without_the_setting_the_admin_answers_from_anywhere(client, settings):
    settings.ADMIN_ALLOWED_NETWORKS = []
    assert client.get(reverse("admin:login"), REMOTE_ADDR=OUTSIDE).status_code == 200


def test_behind_a_trusted_proxy_the_address_it_saw_counts(client, settings, office_networks):
    settings.TRUSTED_PROXY_COUNT = 1
    login = reverse("admin:login")
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    assert client.get(login, HTTP_X_FORWARDED_FOR=OFFICE, **proxy).status_code == 200
    assert client.get(login, HTTP_X_FORWARDED_FOR=OUTSIDE, **proxy).status_code == 404
    # What the client wrote before the proxy's entry is not believed.
    spoofed = f"{OFFICE}, {OUTSIDE}"
    assert client.get(login, HTTP_X_FORWARDED_FOR=spoofed, **proxy).status_code == 404


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, office_networks):
    response = client.get(reverse("admin:login"), REMOTE_ADDR=OUTSIDE, HTTP_X_FORWARDED_FOR=OFFICE)
    assert response.status_code == 404


@pytest.mark.parametrize("value", ["10.0.0.0/33", "office", "192.168.1.7/24", "10.0.0.0/8;"])
def test_a_bad_value_stops_the_start_up_naming_the_variable(value):
    result = manage("check", **{**PRODUCTION, "ADMIN_ALLOWED_NETWORKS": value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ADMIN_ALLOWED_NETWORKS" in result.stderr
