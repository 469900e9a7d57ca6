import datetime as dt

import pytest
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.testing import NOW, PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

WRONG = "not-the-password"
REFUSED = "Zbyt wiele nieudanych prób logowania."


def login(client, number, password, **extra):
    return client.post(
        reverse("accounts:login"), {"customer_number": number, "password": password}, **extra
    )


def fail(client, number, times, **extra):
    for _ in range(times):
        login(client, number, WRONG, **extra)


@pytest.fixture
def test_four_failures_cost_no_wait(client, account, clock):
    fail(client, "001234", 4)
    response = login(client, "001234", PASSWORD)
    assert response.url == reverse("portal:info")


def test_fifth_failure_makes_the_customer_wait_a_minute(client, account, clock):
    fail(client, "001234", 5)
    response = login(client, "001234", PASSWORD)
    content = response.content.decode()
    assert "Spróbuj ponownie za 1 minutę." in content
    assert "_auth_user_id" not in client.session

    clock.shift(dt.timedelta(seconds=61))
    assert login(client, "001234", PASSWORD).url == reverse("portal:info")


def test_wait_doubles_up_to_fifteen_minutes(client, account, clock):
    expected_minutes = [1, 2, 4, 8, 15, 15]
    fail(client, "001234", 4)
    for minutes in expected_minutes:
        login(client, "001234", WRONG)
        refused = login(client, "001234", WRONG).content.decode()
        assert f"za {minutes} minut" in refused
        clock.shift(dt.timedelta(minutes=minutes, seconds=1))
    # Never locked for good: after the wait the right password still works.
    assert login(client, "001234", PASSWORD).url == reverse("portal:info")


def test_a_throttled_attempt_hashes_nothing(client, account, clock, hashes):
    fail(client, "001234", 5)
    hashes.clear()
    response = login(client, "001234", PASSWORD)
    assert REFUSED in response.content.decode()
    assert hashes == []
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_THROTTLED).count() == 1


def test_unknown_number_costs_a_hash_like_a_known_one(client, account, hashes):
    login(client, "555555", WRONG)
    unknown = len(hashes)
    hashes.clear()
    login(client, "001234", WRONG)
    assert unknown == len(hashes) == 1


def test_unknown_numbers_are_throttled_like_known_ones(client, account, clock):
    fail(client, "555555", 5)
    known = login(client, "001234", WRONG)
    fail(client, "001234", 4)
    unknown = login(client, "555555", WRONG)
    assert REFUSED in unknown.content.decode()
    assert REFUSED in login(client, "001234", WRONG).content.decode()
    assert known.status_code == unknown.status_code == 200


def test_one_customers_failures_do_not_throttle_another(client, account, stranger, clock):
    fail(client, "009999", 5)
    assert login(client, "001234", PASSWORD).url == reverse("portal:info")


def test_one_address_trying_many_numbers_is_throttled(client, account, clock):
    for number in range(20):
        login(client, f"{number:06d}", WRONG)
    response = login(client, "001234", PASSWORD)
    assert REFUSED in response.content.decode()


def test_another_address_is_not_held_up_by_an_attackers_address(client, account, clock):
    for number in range(20):
        login(client, f"{number:06d}", WRONG, REMOTE_ADDR="203.0.113.9")
    response = login(client, "001234", PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert response.url == reverse("portal:info")


def test_success_clears_the_numbers_failures(client, account, clock):
    fail(client, "001234", 4)
    login(client, "001234", PASSWORD)
    client.logout()
    fail(client, "001234", 4)
    assert login(client, "001234", PASSWORD).url == reverse("portal:info")


def test_failures_are_forgotten_after_a_quiet_day(client, account, clock):
    fail(client, "001234", 4)
    clock.shift(dt.timedelta(hours=25))
    fail(client, "001234", 4)
    assert login(client, "001234", PASSWORD).url == reverse("portal:info")


def test_an_hour_of_guessing_gets_far_fewer_than_100_tries(client, account, clock):
    tries = 0
    end = NOW + dt.timedelta(hours=1)
    while dt.datetime.now(dt.UTC) < end:
        response = login(client, "001234", WRONG)
        if REFUSED in response.content.decode():
            clock.shift(dt.timedelta(seconds=30))
        else:
            tries += 1
    assert 5 <= tries < 100
    # 5 free, then one after each wait: 1, 2, 4, 8, 15 and 15 minutes fill the hour.
    assert tries == 11


def test_forwarded_address_is_ignored_unless_proxies_are_trusted(client, account, clock):
    for number in range(20):
        login(client, f"{number:06d}", WRONG, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    # Without trusted proxies the header is the client's word; REMOTE_ADDR is throttled.
    response = login(client, "001234", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.200")
    assert REFUSED in response.content.decode()


def test_trusted_proxy_header_gives_the_client_address(client, account, clock, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(20):
        login(client, f"{number:06d}", WRONG, HTTP_X_FORWARDED_FOR="forged, 203.0.113.9")
    other = login(client, "001234", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7")
    assert other.url == reverse("portal:info")
    event = AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN).get()
    assert event.ip_address == "198.51.100.7"
