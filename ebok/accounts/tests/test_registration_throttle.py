"""Guessing invoice data is throttled like guessing a password: the same counters and waits."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from ebok.accounts.tests.helpers import form_data, make_invoice
from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

URL = reverse("accounts:register")
REFUSED = "Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za 1 minutę."
SENT = reverse("accounts:register_sent")


@pytest.fixture
def invoice(customer):
    return make_invoice(customer)


def register(client, **fields):
    return client.post(URL, form_data(**fields))


def mismatch(client, times, number="001234"):
    for attempt in range(times):
        response = register(client, number=number, gross=f"{attempt + 1},00")
        assert response.url == SENT


def test_four_mismatches_cost_no_wait(client, customer, invoice, terms):
    mismatch(client, 4)
    assert register(client).url == SENT
    assert len(mail.outbox) == 1


def test_after_five_mismatches_even_the_right_data_wait_a_minute(
    client, customer, invoice, terms, clock
):
    mismatch(client, 5)
    response = register(client)
    assert response.status_code == 200
    page = response.content.decode()
    assert REFUSED in page
    assert 'value="001234"' in page  # the form is kept
    assert mail.outbox == []
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.REGISTRATION_THROTTLED).count() == 1

    clock.shift(dt.timedelta(seconds=61))
    assert register(client).url == SENT
    assert len(mail.outbox) == 1


def test_a_throttled_attempt_checks_nothing(client, customer, invoice, terms):
    mismatch(client, 5)
    register(client)
    kinds = list(AuditEvent.objects.values_list("kind", flat=True))
    assert kinds.count("registration_requested") == 5
    assert kinds.count("registration_throttled") == 1


def test_unknown_numbers_are_throttled_like_known_ones(client, customer, invoice, terms):
    mismatch(client, 5, number="555555")
    assert REFUSED in register(client, number="555555").content.decode()


def test_one_address_trying_many_numbers_is_throttled(client, customer, invoice, terms):
    for number in range(20):
        register(client, number=f"{number + 100000}")
    assert REFUSED in register(client).content.decode()
    assert mail.outbox == []


def test_mismatches_and_failed_logins_share_the_count(client, account, invoice, terms):
    mismatch(client, 3)
    for _ in range(2):
        client.post(reverse("accounts:login"), {"customer_number": "001234", "password": "x"})
    login = client.post(
        reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD}
    )
    assert REFUSED in login.content.decode()
    assert REFUSED in register(client).content.decode()


def test_a_successful_registration_clears_the_numbers_count(client, customer, invoice, terms):
    mismatch(client, 4)
    assert register(client).url == SENT
    mismatch(client, 4)
    assert register(client).url == SENT
    assert len(mail.outbox) == 2
