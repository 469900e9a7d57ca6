"""Staff sessions: never remembered, they idle out like a customer's, and they end when the
password or the second factor changes."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from ebok.backoffice.roles import OPERATOR
from ebok.backoffice.tests.conftest import STAFF_PASSWORD, enter_code, enter_password, make_staff
from ebok.testing import authenticator, current_code

pytestmark = pytest.mark.django_db

CUSTOMERS = reverse("admin:customers_customer_changelist")


@pytest.fixture
def operator(roles):
    user = make_staff("operator", OPERATOR)
    authenticator(user)
    return user


def log_in(client, user, clock):
    enter_password(client, user.username)
    response = enter_code(client, current_code(authenticator(user)))
    assert response.url == reverse("admin:index")
    clock.shift(dt.timedelta(seconds=30))  # the next login needs the next code
    return response


def is_in(client) -> bool:
    return client.get(CUSTOMERS).status_code == 200


def is_logged_out(client) -> bool:
    """Not merely sent back to a step of the login: the session ended."""
    client.get(CUSTOMERS)
    return "_auth_user_id" not in client.session


def test_the_cookie_dies_with_the_browser(client, operator, clock):
    password_step = enter_password(client)
    code_step = enter_code(client, current_code(authenticator(operator)))
    for response in (password_step, code_step):
        cookie = response.cookies["sessionid"]
        assert cookie["max-age"] == ""
        assert cookie["expires"] == ""
        assert cookie["httponly"]


def test_the_second_factor_gives_a_new_session_id(client, operator, clock):
    enter_password(client)
    after_password = client.session.session_key
    enter_code(client, current_code(authenticator(operator)))
    assert client.session.session_key != after_password


def test_the_session_idles_out_after_30_minutes(client, operator, clock):
    log_in(client, operator, clock)
    clock.shift(dt.timedelta(minutes=29))
    assert is_in(client)
    clock.shift(dt.timedelta(minutes=29))  # active a moment ago: still in
    assert is_in(client)
    clock.shift(dt.timedelta(minutes=31))
    response = client.get(CUSTOMERS)
    assert response.url.startswith(reverse("admin:login"))
    page = client.get(response.url).content.decode()
    assert "Nastąpiło wylogowanie po 30 minutach bezczynności." in page


def test_a_new_password_ends_the_other_sessions_and_keeps_this_one(client, operator, clock):
    other = Client()
    log_in(other, operator, clock)
    log_in(client, operator, clock)
    new = "Wodociagi-Wegrow-2027"
    data = {"old_password": STAFF_PASSWORD, "new_password1": new, "new_password2": new}
    assert client.post(reverse("admin:password_change"), data).status_code == 302
    assert is_in(client)
    assert is_logged_out(other)


def test_using_a_code_ends_no_other_session(client, operator, clock):
    other = Client()
    log_in(other, operator, clock)
    log_in(client, operator, clock)
    assert is_in(other)


def test_an_added_authenticator_ends_the_sessions(client, operator, clock):
    log_in(client, operator, clock)
    TOTPDevice.objects.create(user=operator, name="second phone", confirmed=True)
    assert is_logged_out(client)


def test_an_authenticators_new_key_ends_the_sessions(client, operator, clock):
    log_in(client, operator, clock)
    device = authenticator(operator)
    device.key = "00" * 20
    device.save()
    assert is_logged_out(client)


def test_setting_up_the_app_ends_the_other_sessions_and_keeps_this_one(client, roles, clock):
    user = make_staff("operator", OPERATOR)
    other = Client()
    enter_password(other)  # a session that has the password (and could set up the app)
    enter_password(client)
    device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=False)
    user.refresh_from_db()
    response = enter_code(client, current_code(device), step="admin:login_enrol")
    assert response.status_code == 200
    assert is_in(client)
    assert other.get(reverse("admin:login_enrol")).url == reverse("admin:login")
