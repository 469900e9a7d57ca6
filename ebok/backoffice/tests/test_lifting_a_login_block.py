"""Lifting the wait that failed logins put on a customer number."""

import pytest
from django.urls import reverse

from ebok.accounts import throttle
from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD

pytestmark = pytest.mark.django_db


def fail_logins(client, times):
    for _attempt in range(times):
        client.post(reverse("accounts:login"), {"customer_number": "001234", "password": "zle"})


def test_lifting_the_block_lets_the_customer_log_in_at_once(
    client, operator_client, account, customer
):
    fail_logins(client, 6)
    assert throttle.number_state("001234").throttled
    refused = client.post(
        reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD}
    )
    assert "Zbyt wiele nieudanych prób logowania" in refused.content.decode()

    url = reverse("admin:customers_customer_account_lift_throttle", args=[customer.pk])
    response = operator_client.post(url)

    assert response.status_code == 302
    assert throttle.number_state("001234") == throttle.NumberState(0, 0)
    login = client.post(
        reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD}
    )
    assert login.status_code == 302
    assert login.url == reverse("portal:info")


def test_lifting_the_block_is_audited_with_the_staff_member_and_the_count(
    client, operator_client, operator, account, customer
):
    fail_logins(client, 5)
    operator_client.post(
        reverse("admin:customers_customer_account_lift_throttle", args=[customer.pk])
    )
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.THROTTLE_LIFTED)
    assert event.actor == operator
    assert event.customer == customer
    assert event.detail == "5 failures, 60 s left to wait"


def test_the_button_shows_only_while_failures_are_counted(client, operator_client, customer):
    page_url = reverse("admin:customers_customer_change", args=[customer.pk])
    assert "Zdejmij blokadę logowania" not in operator_client.get(page_url).content.decode()
    fail_logins(client, 1)
    assert "Zdejmij blokadę logowania" in operator_client.get(page_url).content.decode()
