"""After the password, staff give the code of their authenticator app (TOTP) or a recovery
code; until then no admin page opens. Codes work once and guesses are throttled."""

import datetime as dt

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from ebok.audit.models import AuditEvent
from ebok.backoffice.roles import OPERATOR
from ebok.backoffice.tests.conftest import enter_code, enter_password, make_staff
from ebok.testing import authenticator, current_code

pytestmark = pytest.mark.django_db

CUSTOMERS = reverse("admin:customers_customer_changelist")
NOT_CORRECT = "Ten kod jest niepoprawny albo został już użyty."
REFUSED = "Zbyt wiele nieudanych prób logowania."
RECOVERY_CODES = ["aaaa2222", "bbbb3333"]


@pytest.fixture
def operator(roles):
    user = make_staff("operator", OPERATOR)
    device = authenticator(user)
    recovery = StaticDevice.objects.create(user=user, name="recovery codes")
    for code in RECOVERY_CODES:
        StaticToken.objects.create(device=recovery, token=code)
    user.refresh_from_db()
    return device


@pytest.fixture
def after_password(client, operator, clock):
    """The operator gave the right password: the login asks for the code."""
    response = enter_password(client)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login_code"))
    return operator


def test_the_code_step_asks_for_the_apps_code(client, after_password):
    page = client.get(reverse("admin:login_code")).content.decode()
    assert "podaj 6-cyfrowy kod" in page
    assert 'autocomplete="one-time-code"' in page


def test_the_apps_current_code_opens_the_office(client, after_password):
    response = enter_code(client, current_code(after_password))
    assert response.status_code == 302
    assert response.url == reverse("admin:index")
    assert client.get(CUSTOMERS).status_code == 200
    login = AuditEvent.objects.get(kind=AuditEvent.Kind.STAFF_LOGIN)
    assert login.actor == after_password.user
    assert login.detail == "authenticator app"
    assert login.ip_address == "127.0.0.1"


def test_the_code_of_the_previous_30_seconds_still_works(client, after_password, clock):
    code = current_code(after_password)
    clock.shift(dt.timedelta(seconds=30))
    assert enter_code(client, code).url == reverse("admin:index")


def test_a_code_from_two_minutes_ago_is_refused(client, after_password, clock):
    code = current_code(after_password)
    clock.shift(dt.timedelta(minutes=2))
    assert NOT_CORRECT in enter_code(client, code).content.decode()


def test_the_login_goes_on_to_the_page_that_was_asked_for(client, operator, clock):
    response = client.get(CUSTOMERS)
    login_page = client.get(response.url)  # the admin's login, with ?next=
    assert login_page.status_code == 200
    client.post(response.url, {"username": "operator", "password": "Biuro-Obslugi-2026"})
    code_page = client.get(reverse("admin:login_code"), {"next": CUSTOMERS})
    assert code_page.status_code == 200
    data = {"code": current_code(operator), "next": CUSTOMERS}
    assert client.post(reverse("admin:login_code"), data).url == CUSTOMERS


def test_a_wrong_code_is_refused_and_audited(client, after_password):
    wrong = f"{(int(current_code(after_password)) + 1) % 1_000_000:06d}"
    response = enter_code(client, wrong)
    assert response.status_code == 200
    assert NOT_CORRECT in response.content.decode()
    assert client.get(CUSTOMERS).status_code == 302
    failed = AuditEvent.objects.get(kind=AuditEvent.Kind.STAFF_LOGIN_FAILED)
    assert failed.actor == after_password.user
    assert failed.detail == "code"


def test_a_code_works_once(client, after_password):
    code = current_code(after_password)
    assert enter_code(client, code).status_code == 302
    client.logout()
    enter_password(client)
    response = enter_code(client, code)
    assert NOT_CORRECT in response.content.decode()
    assert client.get(CUSTOMERS).status_code == 302


def test_the_next_code_works_after_one_was_used(client, after_password, clock):
    enter_code(client, current_code(after_password))
    client.logout()
    clock.shift(dt.timedelta(seconds=30))
    enter_password(client)
    assert enter_code(client, current_code(after_password)).url == reverse("admin:index")


def test_the_fifth_wrong_code_makes_the_next_attempt_wait(client, after_password, clock):
    for _ in range(5):
        assert NOT_CORRECT in enter_code(client, "000000").content.decode()
    response = enter_code(client, current_code(after_password))
    assert REFUSED in response.content.decode()
    assert client.get(CUSTOMERS).status_code == 302
    throttled = AuditEvent.objects.get(kind=AuditEvent.Kind.STAFF_LOGIN_THROTTLED)
    assert throttled.detail == "code"

    clock.shift(dt.timedelta(seconds=61))
    assert enter_code(client, current_code(after_password)).url == reverse("admin:index")


def test_code_guesses_count_against_the_account_in_a_new_session(client, after_password):
    """Logging in again with the password does not buy fresh guesses at the code."""
    for _ in range(5):
        enter_code(client, "000000")
    client.logout()
    enter_password(client)
    assert REFUSED in enter_code(client, current_code(after_password)).content.decode()


def test_a_recovery_code_works_once(client, after_password):
    response = enter_code(client, "AAAA 2222")  # as written down: capitals, a space
    assert response.url == reverse("admin:index")
    notice = client.get(response.url).content.decode()
    assert "Pozostał 1 kod zapasowy." in notice
    login = AuditEvent.objects.get(kind=AuditEvent.Kind.STAFF_LOGIN)
    assert login.detail == "recovery code, 1 left"

    client.logout()
    enter_password(client)
    assert NOT_CORRECT in enter_code(client, "aaaa2222").content.decode()
    assert client.get(CUSTOMERS).status_code == 302


def test_before_the_code_only_the_code_page_and_logout_open(client, after_password):
    assert client.get(reverse("admin:index")).url.startswith(reverse("admin:login"))
    # The login page sends a half-logged-in user on to the code.
    assert client.get(reverse("admin:login")).url.startswith(reverse("admin:login_code"))
    assert client.get(reverse("admin:login_enrol")).url.startswith(reverse("admin:login_code"))
    assert client.get(reverse("admin:password_change")).url.startswith(reverse("admin:login"))
    client.post(reverse("admin:logout"))
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:login_code")).url == reverse("admin:login")


def test_the_code_page_is_for_staff_who_gave_their_password_only(client, operator, account):
    assert client.get(reverse("admin:login_code")).url == reverse("admin:login")
    client.force_login(account)
    assert client.get(reverse("admin:login_code")).url == reverse("admin:login")
    assert client.post(reverse("admin:login_code"), {"code": "000000"}).status_code == 302
