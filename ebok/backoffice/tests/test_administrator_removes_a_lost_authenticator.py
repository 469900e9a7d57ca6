"""A staff member lost their phone: an administrator removes their authenticator app from the
user list; their sessions end and their next login sets up a new app."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ebok.audit.models import AuditEvent
from ebok.backoffice.roles import ADMINISTRATOR, OPERATOR
from ebok.backoffice.tests.conftest import enter_code, enter_password, make_staff
from ebok.testing import authenticator, current_code, log_in_staff

pytestmark = pytest.mark.django_db

USERS = reverse("admin:accounts_user_changelist")
ACTION = "reset_second_factor"


@pytest.fixture
def operator(roles):
    user = make_staff("operator", OPERATOR)
    authenticator(user)
    StaticDevice.objects.create(user=user, name="recovery codes")
    user.refresh_from_db()
    return user


@pytest.fixture
def administrator_client(roles):
    return log_in_staff(Client(), make_staff("administrator", ADMINISTRATOR))


def remove(client, *users):
    data = {"action": ACTION, "_selected_action": [user.pk for user in users]}
    return client.post(USERS, data, follow=True)


def test_the_user_list_shows_who_has_an_app(administrator_client, operator):
    make_staff("newcomer")
    page = administrator_client.get(USERS).content.decode()
    assert "Aplikacja uwierzytelniająca" in page
    assert page.count('alt="True"') >= 2  # the operator and the administrator


def test_removing_the_app_ends_the_sessions_and_the_next_login_sets_up_a_new_one(
    client, administrator_client, operator, clock
):
    enter_password(client)
    enter_code(client, current_code(authenticator(operator)))
    assert client.get(reverse("admin:index")).status_code == 200

    response = remove(administrator_client, operator)
    assert "Usunięto aplikację uwierzytelniającą 1 pracownika." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=operator).exists()
    assert not StaticDevice.objects.filter(user=operator).exists()
    client.get(reverse("admin:index"))
    assert "_auth_user_id" not in client.session
    assert enter_password(client).url.startswith(reverse("admin:login_enrol"))

    event = AuditEvent.objects.get(kind=AuditEvent.Kind.STAFF_TWO_FACTOR_RESET)
    assert event.actor.username == "administrator"
    assert event.detail == "user: operator"


def test_customers_accounts_are_not_touched(administrator_client, account):
    response = remove(administrator_client, account)
    assert "Niczego nie usunięto" in response.content.decode()
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.STAFF_TWO_FACTOR_RESET).exists()


def test_an_operator_cannot_remove_anyones_app(operator, roles):
    operator_client = log_in_staff(Client(), operator)
    other = make_staff("other", OPERATOR)
    authenticator(other)
    remove(operator_client, other)
    assert TOTPDevice.objects.filter(user=other).exists()


def test_django_otps_own_device_pages_are_not_in_the_admin(administrator_client, operator):
    device = TOTPDevice.objects.get(user=operator)
    page = administrator_client.get(reverse("admin:index")).content.decode()
    assert "otp_totp" not in page
    change = f"/admin/otp_totp/totpdevice/{device.pk}/change/"
    assert administrator_client.get(change).status_code == 404
