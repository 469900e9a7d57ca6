"""Disabling a customer's account, and enabling it again."""

import pytest
from django.test import Client
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD

pytestmark = pytest.mark.django_db

PANEL = reverse("portal:info")


def log_in(client):
    return client.post(
        reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD}
    )


def post(client, action, customer):
    """The action's button; disabling also its confirmation's "Yes"."""
    url = reverse(f"admin:customers_customer_account_{action}", args=[customer.pk])
    return client.post(url, {"confirm": "yes"} if action == "disable" else {})


def test_a_disabled_customer_cannot_log_in(client, operator_client, account, customer):
    post(operator_client, "disable", customer)

    account.refresh_from_db()
    assert not account.is_active
    response = log_in(client)
    assert response.status_code == 200
    assert "Nieprawidłowy numer klienta lub hasło." in response.content.decode()


def test_disabling_ends_the_customers_open_session(operator_client, account, customer):
    browser = Client()
    log_in(browser)
    assert browser.get(PANEL).status_code == 200

    post(operator_client, "disable", customer)

    assert browser.get(PANEL).url.startswith(reverse("accounts:login"))


def test_a_re_enabled_customer_can_log_in(client, operator_client, account, customer):
    post(operator_client, "disable", customer)
    response = post(operator_client, "enable", customer)

    assert "Konto zostało włączone." in operator_client.get(response.url).content.decode()
    account.refresh_from_db()
    assert account.is_active
    assert log_in(client).url == PANEL


def test_disabling_and_enabling_are_audited_with_the_staff_member(
    operator_client, operator, account, customer
):
    post(operator_client, "disable", customer)
    post(operator_client, "enable", customer)

    kinds = [AuditEvent.Kind.ACCOUNT_ENABLED, AuditEvent.Kind.ACCOUNT_DISABLED]
    events = AuditEvent.objects.filter(kind__in=kinds)
    assert [event.kind for event in events] == kinds  # newest first
    assert {event.actor for event in events} == {operator}
    assert {event.customer for event in events} == {customer}


def test_the_panel_offers_enabling_only_for_a_disabled_account(operator_client, account, customer):
    page_url = reverse("admin:customers_customer_change", args=[customer.pk])
    page = operator_client.get(page_url).content.decode()
    assert "Wyłącz konto" in page
    assert "Włącz konto" not in page

    post(operator_client, "disable", customer)

    page = operator_client.get(page_url).content.decode()
    assert "Włącz konto" in page
    assert "Wyłącz konto" not in page
    assert "Wydaj hasło tymczasowe i drukuj list" not in page


def test_disabling_asks_first_and_says_what_it_does(operator_client, account, customer):
    url = reverse("admin:customers_customer_account_disable", args=[customer.pk])
    for response in [operator_client.get(url), operator_client.post(url)]:
        page = response.content.decode()
        assert response.status_code == 200
        assert "Wyłączyć konto?" in page
        assert "Wyłączone konto nie może się zalogować" in page
    account.refresh_from_db()
    assert account.is_active
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.ACCOUNT_DISABLED).exists()
    response = operator_client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    account.refresh_from_db()
    assert not account.is_active
