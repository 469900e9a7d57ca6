"""Replacing a customer's password or disabling their account happens only on the customer's
page, which first says what the action replaces and asks (test_temporary_password_needs_
confirmation.py, test_disabling_accounts.py). The user list's own ways to do it at once, Django's
password form and the "active" box, are closed for customers' logins; staff keep them."""

import pytest
from django.test import Client
from django.urls import reverse

from ebok.backoffice.roles import ADMINISTRATOR
from ebok.backoffice.tests.conftest import STAFF_PASSWORD, make_staff
from ebok.testing import PASSWORD, log_in_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator_client(roles):
    return log_in_staff(Client(), make_staff("administrator", ADMINISTRATOR))


def test_djangos_password_form_sends_a_customers_login_to_the_customers_page(
    administrator_client, customer, account
):
    url = reverse("admin:auth_user_password_change", args=[account.pk])
    for response in (
        administrator_client.get(url),
        administrator_client.post(
            url, {"password1": "Nowe-Haslo-2026", "password2": "Nowe-Haslo-2026"}
        ),
    ):
        assert response.status_code == 302
        assert response.url == reverse("admin:customers_customer_change", args=[customer.pk])
    account.refresh_from_db()
    assert account.check_password(PASSWORD)
    page = administrator_client.get(
        reverse("admin:customers_customer_change", args=[customer.pk])
    ).content.decode()
    assert "Hasło klienta zmienia się na stronie klienta" in page


def test_the_active_box_of_a_customers_login_is_read_only(administrator_client, account):
    page = administrator_client.get(reverse("admin:accounts_user_change", args=[account.pk]))
    assert 'name="is_active"' not in page.content.decode()


def test_staff_passwords_are_still_set_in_djangos_form(administrator_client, roles):
    colleague = make_staff("kolega")
    url = reverse("admin:auth_user_password_change", args=[colleague.pk])
    assert administrator_client.get(url).status_code == 200
    page = administrator_client.get(reverse("admin:accounts_user_change", args=[colleague.pk]))
    assert 'name="is_active"' in page.content.decode()
    assert colleague.check_password(STAFF_PASSWORD)
