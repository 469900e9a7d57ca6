"""Ending all of a customer's sessions from the customer's page."""

import pytest
from django.test import Client
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD

pytestmark = pytest.mark.django_db

PANEL = reverse("portal:info")


def end_sessions(client, customer):
    url = reverse("admin:customers_customer_account_end_sessions", args=[customer.pk])
    return client.post(url)


def logged_in_customer() -> Client:
    browser = Client()
    browser.post(reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD})
    assert browser.get(PANEL).status_code == 200
    return browser


def test_ending_sessions_logs_the_customer_out_everywhere(operator_client, account, customer):
    at_home, at_work = logged_in_customer(), logged_in_customer()

    response = end_sessions(operator_client, customer)

    assert response.status_code == 302
    for browser in (at_home, at_work):
        answer = browser.get(PANEL)
        assert answer.status_code == 302
        assert answer.url.startswith(reverse("accounts:login"))
    page = operator_client.get(response.url).content.decode()
    assert "Wszystkie sesje konta zostały zakończone." in page


def test_staff_stay_logged_in_after_ending_a_customers_sessions(operator_client, account, customer):
    end_sessions(operator_client, customer)
    assert operator_client.get(reverse("admin:index")).status_code == 200


def test_the_customer_can_log_in_again_with_the_same_password(operator_client, account, customer):
    end_sessions(operator_client, customer)
    logged_in_customer()


def test_ending_sessions_is_audited_with_the_staff_member(
    operator_client, operator, account, customer
):
    end_sessions(operator_client, customer)
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.SESSIONS_ENDED)
    assert event.actor == operator
    assert event.customer == customer
    assert event.customer_number == "001234"


def test_a_customer_without_an_account_has_no_sessions_to_end(operator_client, customer):
    response = end_sessions(operator_client, customer)
    assert "Klient nie ma konta." in operator_client.get(response.url).content.decode()
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.SESSIONS_ENDED).exists()


def test_sessions_from_before_the_generation_field_stay_valid(account):
    """Generation 0 gives Django's own session hash: deploying this logs nobody out."""
    from django.contrib.auth.base_user import AbstractBaseUser

    assert account.session_generation == 0
    assert account.get_session_auth_hash() == AbstractBaseUser.get_session_auth_hash(account)
