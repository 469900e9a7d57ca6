"""A page of a list (payments, documents, readings, cases) reads its rows and the length of the
whole list in one query; pages past the end are still a 404, and an empty list has a page 1."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ebok.billing.models import Payment
from ebok.testing import make_account, make_customer

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client):
    customer = make_customer()
    client.force_login(make_account(customer))
    client.customer = customer
    return client


def pay(customer, count):
    first = date(2024, 1, 1)
    Payment.objects.bulk_create(
        Payment(customer=customer, paid_on=first + timedelta(days=n), amount=Decimal(n + 1))
        for n in range(count)
    )


def payments_page(client, page=None):
    url = reverse("portal:payments") + (f"?page={page}" if page is not None else "")
    return client.get(url)


def test_thirty_payments_are_three_pages_newest_first(logged_in):
    pay(logged_in.customer, 30)
    first = payments_page(logged_in).content.decode()
    assert "Strona 1 z 3" in first
    assert "2024-01-30" in first and "2024-01-19" in first and "2024-01-18" not in first
    last = payments_page(logged_in, 3).content.decode()
    assert "Strona 3 z 3" in last
    assert "2024-01-06" in last and "2024-01-01" in last and "2024-01-07" not in last


def test_the_page_and_the_number_of_pages_take_one_query(logged_in):
    pay(logged_in.customer, 30)
    payments_page(logged_in, 2)
    with CaptureQueriesContext(connection) as captured:
        page = payments_page(logged_in, 2).content.decode()
    assert "Strona 2 z 3" in page
    payment_queries = [q["sql"] for q in captured if "billing_payment" in q["sql"]]
    # The balance sums the payments in a query of its own; the list is the other one.
    listing = [sql for sql in payment_queries if "OVER ()" in sql]
    assert len(listing) == 1
    assert not any(sql.startswith('SELECT COUNT(*) AS "__count"') for sql in payment_queries)


@pytest.mark.parametrize("page", ["4", "0", "-1", "abc", "1.5"])
def test_a_page_past_the_end_or_not_a_number_is_not_found(logged_in, page):
    pay(logged_in.customer, 30)
    assert payments_page(logged_in, page).status_code == 404


def test_an_empty_list_has_its_first_page_and_no_second(logged_in):
    page = payments_page(logged_in)
    assert page.status_code == 200
    assert "Nie ma jeszcze płatności do wyświetlenia." in page.content.decode()
    assert payments_page(logged_in, 2).status_code == 404
