"""What the billing system pushes through the API is what the customer sees in the panel."""

import re

import pytest

from ebok.customers.models import Customer
from ebok.integration.tests import payloads
from ebok.testing import make_account

pytestmark = pytest.mark.django_db

NBSP = "\N{NO-BREAK SPACE}"


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode().replace(NBSP, " "))


@pytest.fixture
def customer_client(api, client):
    batch = payloads.everything()
    batch["invoices"].append(
        payloads.invoice(
            "F-2",
            number="FV/2026/12/000002",
            issued_on="2026-12-01",
            due_on="2026-12-15",
            net="50.00",
            vat="4.00",
            gross="54.00",
            charges=[payloads.charge(net="50.00", vat="4.00", gross="54.00")],
        )
    )
    assert api.post("/batch", batch).status_code == 200
    client.force_login(make_account(Customer.objects.get(external_id="K-1")))
    return client


def test_the_pushed_invoices_are_in_the_invoices_tab(customer_client):
    page = text_of(customer_client.get("/panel/invoices/"))
    assert "FV/2026/11/000001" in page
    assert "FV/2026/12/000002" in page


def test_the_amount_due_is_the_invoices_less_the_payments(customer_client):
    # 108,00 + 54,00 invoiced, 40,00 paid
    page = text_of(customer_client.get("/panel/"))
    assert "Jan Węgrowski" in page
    assert re.search(r'id="amount-due">122,00 zł<', page)


def test_a_payment_pushed_later_lowers_the_amount_due(api, customer_client):
    api.post("/payments", {"payments": [payloads.payment("W-2", amount="122.00")]})
    page = text_of(customer_client.get("/panel/"))
    assert re.search(r'id="amount-due">0,00 zł<', page)


def test_the_meter_and_its_reading_are_in_the_meters_tab(customer_client):
    page = text_of(customer_client.get("/panel/meters/"))
    assert "WM-M-1" in page


def test_the_invoice_detail_lists_the_pushed_charges(customer_client):
    from ebok.billing.models import Invoice

    invoice = Invoice.objects.get(external_id="F-1")
    page = text_of(customer_client.get(f"/panel/invoices/{invoice.pk}/"))
    assert "Woda" in page
    assert "108,00 zł" in page


def test_a_withdrawn_invoice_no_longer_counts_in_the_amount_due(api, customer_client):
    api.delete("/invoices/F-2")
    page = text_of(customer_client.get("/panel/"))
    assert re.search(r'id="amount-due">68,00 zł<', page)


def test_another_customer_sees_none_of_it(api, client, customer_client):
    api.post("/customers", {"customers": [payloads.customer("K-2", "000002")]})
    client.force_login(make_account(Customer.objects.get(external_id="K-2")))
    assert "FV/2026/11/000001" not in text_of(client.get("/panel/invoices/"))
