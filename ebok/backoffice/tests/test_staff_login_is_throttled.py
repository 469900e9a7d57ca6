"""The admin's password step counts failures like the customers' login: per username (existing
or not) and per client address, with the same waits, messages and audit."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.backoffice.tests.conftest import enter_code, enter_password, make_staff
from ebok.core.tests.test_error_pages import dead_cache
from ebok.testing import PASSWORD, authenticator, current_code

pytestmark = pytest.mark.django_db

WRONG = "not-the-password"
REFUSED = "Zbyt wiele nieudanych prób logowania."
INCORRECT = "Wprowadź poprawne dane w polach"  # Django's Polish "invalid login" message


@pytest.fixture
def operator(roles):
    user = make_staff("operator")
    authenticator(user)
    return user


def fail(client, username, times, **extra):
    for _ in range(times):
        assert INCORRECT in enter_password(client, username, WRONG, **extra).content.decode()


def passed_the_password(response) -> bool:
    return response.status_code == 302 and response.url.startswith(reverse("admin:login_code"))


def test_four_failures_cost_no_wait(client, operator, clock):
    fail(client, "operator", 4)
    assert passed_the_password(enter_password(client))


def test_the_fifth_failure_makes_the_next_attempt_wait_a_minute(client, operator, clock):
    fail(client, "operator", 5)
    response = enter_password(client)
    assert response.status_code == 200
    assert "Spróbuj ponownie za 1 minutę." in response.content.decode()
    assert "_auth_user_id" not in client.session

    clock.shift(dt.timedelta(seconds=61))
    assert passed_the_password(enter_password(client))


def test_forty_wrong_passwords_in_a_row_get_few_checks(client, operator, clock, hashes):
    for _ in range(40):
        enter_password(client, "operator", WRONG)
    # 5 free failures, then each attempt waits: without moving the clock, nothing more is checked.
    assert len(hashes) == 5
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.STAFF_LOGIN_FAILED).count() == 5
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.STAFF_LOGIN_THROTTLED).count() == 35


def test_a_throttled_attempt_hashes_no_password(client, operator, clock, hashes):
    fail(client, "operator", 5)
    hashes.clear()
    assert REFUSED in enter_password(client).content.decode()
    assert hashes == []


def test_an_unknown_username_costs_a_hash_like_a_known_one(client, operator, hashes):
    enter_password(client, "nobody", WRONG)
    unknown = len(hashes)
    hashes.clear()
    enter_password(client, "operator", WRONG)
    assert unknown == len(hashes) == 1


def test_unknown_usernames_are_throttled_like_known_ones(client, operator, clock):
    fail(client, "nobody", 5)
    assert REFUSED in enter_password(client, "nobody", WRONG).content.decode()


def test_case_variants_of_a_username_share_one_count(client, operator, clock):
    for username in ["Operator", "OPERATOR", "operator", "OpErAtOr", "operatoR"]:
        enter_password(client, username, WRONG)
    assert REFUSED in enter_password(client).content.decode()


def test_one_address_trying_many_usernames_is_throttled(client, operator, clock):
    for number in range(20):
        enter_password(client, f"clerk{number}", WRONG)
    assert REFUSED in enter_password(client).content.decode()


def test_another_address_is_not_held_up_by_an_attackers_address(client, operator, clock):
    for number in range(20):
        enter_password(client, f"clerk{number}", WRONG, REMOTE_ADDR="203.0.113.9")
    assert passed_the_password(enter_password(client, REMOTE_ADDR="198.51.100.7"))


def test_the_right_password_clears_the_usernames_failures(client, operator, clock):
    fail(client, "operator", 4)
    enter_password(client)
    client.logout()
    fail(client, "operator", 4)
    assert passed_the_password(enter_password(client))


def test_customers_cannot_log_in_to_the_office_nor_test_their_passwords_there(
    client, account, hashes
):
    """The customer's right password is not even checked: the answer is a wrong password's."""
    response = enter_password(client, "001234", PASSWORD)
    assert response.status_code == 200
    assert INCORRECT in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert len(hashes) == 1  # the unknown-user hash, not a check of the customer's password


def test_inactive_staff_cannot_log_in(client, operator):
    get_user_model().objects.filter(pk=operator.pk).update(is_active=False)
    assert INCORRECT in enter_password(client).content.decode()


def test_failures_and_refusals_are_audited_with_the_username_and_address(client, operator, clock):
    fail(client, "operatr", 5, REMOTE_ADDR="203.0.113.9")
    enter_password(client, "operatr", WRONG, REMOTE_ADDR="203.0.113.9")
    failed = AuditEvent.objects.filter(kind=AuditEvent.Kind.STAFF_LOGIN_FAILED)
    throttled = AuditEvent.objects.get(kind=AuditEvent.Kind.STAFF_LOGIN_THROTTLED)
    assert failed.count() == 5
    assert {event.ip_address for event in failed} == {"203.0.113.9"}
    assert failed.first().detail == "password, username: operatr"
    assert throttled.detail == "username: operatr"
    assert throttled.ip_address == "203.0.113.9"


def test_with_the_cache_down_the_password_step_fails_closed(client, operator, settings, hashes):
    dead_cache(settings)
    response = enter_password(client)
    assert response.status_code == 503
    assert "Logowanie jest chwilowo niedostępne." in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert hashes == []


def test_with_the_cache_down_the_code_step_fails_closed(client, operator, settings):
    enter_password(client)
    dead_cache(settings)
    response = enter_code(client, current_code(authenticator(operator)))
    assert response.status_code == 503
    assert client.get(reverse("admin:index")).status_code == 302
