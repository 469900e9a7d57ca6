"""'Strona główna' shows what is due, by when, and how late, with "Zapłać": a due date that has
passed is never called the next one."""

from datetime import timedelta

import pytest
from django.urls import reverse

from ebok.testing import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def test_a_passed_due_date_is_called_overdue_with_the_days(client, account, customer, p24):
    customer.invoices.create(
        number="FV/1", issued_on=TODAY - timedelta(days=30), due_on=TODAY - timedelta(days=3),
        net=50, vat=0, gross=50,
    )  # fmt: skip
    client.force_login(account)
    page = client.get(reverse("portal:overview")).content.decode()
    assert "Po terminie od" in page
    assert "(3 dni po terminie)" in page
    assert "Najbliższy termin płatności" not in page
    assert reverse("payments:pay") in page


def test_a_coming_due_date_is_the_next_one(client, account, customer):
    customer.invoices.create(
        number="FV/2", issued_on=TODAY, due_on=TODAY + timedelta(days=14), net=50, vat=0, gross=50
    )
    client.force_login(account)
    page = client.get(reverse("portal:overview")).content.decode()
    assert "Najbliższy termin płatności" in page
    assert "Po terminie od" not in page
    assert "pay-button" not in page  # no provider configured
