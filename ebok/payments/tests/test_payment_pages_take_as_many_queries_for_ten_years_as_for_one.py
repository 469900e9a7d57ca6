"""The payment pages, and the tabs with "Zapłać" and payments in progress, take a fixed number
of queries whatever the length of the history and however many online payments there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ebok.payments import services
from ebok.payments.models import OnlinePayment
from ebok.payments.providers import configured
from ebok.testing import make_account, make_customer, make_history

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def customer_with(years, number, online_payments):
    customer = make_customer(number=number, name=f"Historia {years}")
    make_history(customer, years=years, serial=f"S-{number}")
    customer.payments.order_by("-paid_on").first().delete()  # the last invoice is unpaid
    invoice = customer.invoices.first()
    for _ in range(online_payments):
        services.start(
            configured(), [services.Part(customer, invoice.gross, invoice)], user=None,
            description="x", email="x@example.pl", language="pl",
            urls=lambda payment: ("http://127.0.0.1/r", "http://127.0.0.1/n"),
        )  # fmt: skip
    OnlinePayment.objects.filter(parts__customer=customer).update(state="paid")
    return customer


PAGES = [
    "portal:payments",
    "portal:invoices",
    "portal:info",
    "payments:pay",
    "payments:pay_numbers",
]


@pytest.mark.parametrize("name", [*PAGES, "payments:pay_invoice", "payments:status"])
def test_page_takes_as_many_queries_for_ten_years_as_for_one(client, p24, name):
    counts = []
    for years, number, paid_online in [(1, "000001", 1), (10, "000002", 5)]:
        customer = customer_with(years, number, paid_online)
        client.force_login(make_account(customer))
        args = []
        if name == "payments:pay_invoice":
            args = [customer.invoices.first().pk]
        elif name == "payments:status":
            args = [OnlinePayment.objects.filter(parts__customer=customer).first().session_id]
        counts.append(queries_for(client, reverse(name, args=args)))
    assert counts[0] == counts[1]
    assert counts[0] <= 10
