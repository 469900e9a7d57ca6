"""The customer's page in the admin: the account's state, the last logins, billing's fields."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ebok.accounts import throttle
from ebok.accounts.services import issue_temporary_password
from ebok.audit.models import AuditEvent
from ebok.testing import make_customer

pytestmark = pytest.mark.django_db


def page_of(client, customer) -> str:
    response = client.get(reverse("admin:customers_customer_change", args=[customer.pk]))
    assert response.status_code == 200
    return response.content.decode()


def state_shown(client, customer) -> str:
    page = page_of(client, customer)
    start = page.index('class="account-state')
    return page[start : page.index("</dd>", start)]


def test_a_customer_without_an_account_has_no_account(operator_client, customer):
    assert "Brak konta" in state_shown(operator_client, customer)


def test_a_pending_temporary_password_is_shown_with_its_expiry(operator_client, customer):
    issue_temporary_password(customer)
    expires = timezone.localtime(customer.account.temporary_password_expires_at)
    shown = state_shown(operator_client, customer)
    assert "Wydano hasło tymczasowe, jeszcze niezmienione" in shown
    assert f"do {expires:%Y-%m-%d %H:%M}" in shown


def test_an_expired_temporary_password_is_shown_as_expired(operator_client, customer):
    issue_temporary_password(customer)
    customer.account.temporary_password_expires_at = timezone.now() - dt.timedelta(hours=1)
    customer.account.save()
    assert "Hasło tymczasowe wygasło" in state_shown(operator_client, customer)


def test_an_account_with_its_own_password_is_active(operator_client, account, customer):
    assert "Aktywne" in state_shown(operator_client, customer)


def test_a_throttled_number_is_shown_with_its_failures_and_wait(operator_client, account, customer):
    for _attempt in range(5):
        throttle.for_login(customer.number, "").failed()
    page = page_of(operator_client, customer)
    assert "Logowanie wstrzymane po nieudanych próbach" in state_shown(operator_client, customer)
    assert "Nieudane logowania z rzędu" in page
    assert "kolejna próba możliwa za 1 minutę" in page


def test_a_disabled_account_is_shown_as_disabled(operator_client, account, customer):
    account.is_active = False
    account.save()
    assert "Wyłączone" in state_shown(operator_client, customer)


def test_the_last_ten_logins_are_listed_newest_first(operator_client, account, customer):
    start = timezone.now() - dt.timedelta(days=30)
    for day in range(12):
        AuditEvent.objects.create(
            kind=AuditEvent.Kind.LOGIN,
            customer=customer,
            customer_number=customer.number,
            created_at=start + dt.timedelta(days=day),
            ip_address=f"192.0.2.{day + 1}",
            user_agent=f"Przeglądarka {day + 1}",
        )
    AuditEvent.objects.create(
        kind=AuditEvent.Kind.LOGIN_FAILED, customer=customer, ip_address="198.51.100.7"
    )
    other = make_customer(number="009999", name="Ewa Obca")
    AuditEvent.objects.create(kind=AuditEvent.Kind.LOGIN, customer=other, ip_address="203.0.113.9")

    page = page_of(operator_client, customer)
    table = page[page.index('class="account-logins"') :]
    shown = [f"192.0.2.{n}<" for n in range(12, 2, -1)]
    positions = [table.index(address) for address in shown]
    assert positions == sorted(positions)
    assert "192.0.2.2<" not in table
    assert "192.0.2.1<" not in table
    assert "198.51.100.7" not in table
    assert "203.0.113.9" not in table


def test_a_customer_without_logins_says_so(operator_client, customer):
    assert "Brak logowań." in page_of(operator_client, customer)


def test_billing_fields_are_read_only_for_customers_from_the_billing_system(operator_client):
    customer = make_customer(external_id="K-1234", bank_account="12" * 13)
    customer.nip = "7740001454"
    customer.save(update_fields=["nip"])
    page = page_of(operator_client, customer)
    for field in ["number", "name", "nip", "postal_code", "city", "street", "bank_account"]:
        assert f'name="{field}"' not in page
    assert "7740001454" in page
    assert 'name="email"' in page
    assert 'name="phone"' in page
    assert "pochodzą z systemu rozliczeniowego: zmienia się je tam." in page

    url = reverse("admin:customers_customer_change", args=[customer.pk])
    data = {"email": "nowy@example.pl", "phone": "25 792 00 00", "name": "Ktoś Inny"}
    # The inlines (logins with access to the number, notices sent), left as they are (none).
    data |= {"memberships-TOTAL_FORMS": 0, "memberships-INITIAL_FORMS": 0}
    data |= {"notices-TOTAL_FORMS": 0, "notices-INITIAL_FORMS": 0}
    assert operator_client.post(url, data).status_code == 302
    customer.refresh_from_db()
    assert customer.email == "nowy@example.pl"
    assert customer.phone == "25 792 00 00"
    assert customer.name == "Jan Węgrowski"


def test_customers_made_in_the_office_can_be_edited_whole(operator_client, customer):
    page = page_of(operator_client, customer)
    for field in ["number", "name", "nip", "postal_code", "city", "street", "bank_account"]:
        assert f'name="{field}"' in page
    assert 'name="email"' in page
    assert 'name="external_id"' not in page
