"""Invoices come with their charges; an updated invoice's charges replace the old ones."""

from decimal import Decimal

import pytest

from ebok.billing.models import Invoice, InvoiceLine
from ebok.integration.tests import payloads

pytestmark = pytest.mark.django_db


@pytest.fixture
def customer_with_point(api):
    batch = {"customers": [payloads.customer()], "service_points": [payloads.service_point()]}
    assert api.post("/batch", batch).status_code == 200


def test_an_invoice_is_created_with_its_charges(api, customer_with_point):
    response = api.post("/invoices", {"invoices": [payloads.invoice()]})
    assert response.json()["created"] == 1
    invoice = Invoice.objects.get()
    assert (invoice.number, invoice.gross, invoice.customer.number) == (
        "FV/2026/11/000001",
        Decimal("108.00"),
        "001234",
    )
    line = invoice.lines.get()
    assert (line.description, line.quantity, line.service_point.external_id) == (
        "Woda",
        Decimal("9.500"),
        "PP-1",
    )


def test_the_same_invoice_twice_is_unchanged_and_keeps_its_charges(api, customer_with_point):
    api.post("/invoices", {"invoices": [payloads.invoice()]})
    line_ids = list(InvoiceLine.objects.values_list("id", flat=True))
    response = api.post("/invoices", {"invoices": [payloads.invoice()]})
    assert response.json()["unchanged"] == 1
    assert list(InvoiceLine.objects.values_list("id", flat=True)) == line_ids


def test_the_charges_of_an_updated_invoice_replace_the_old_ones(api, customer_with_point):
    api.post("/invoices", {"invoices": [payloads.invoice()]})
    charges = [
        payloads.charge(description="Woda", net="50.00", vat="4.00", gross="54.00"),
        payloads.charge(description="Ścieki", net="50.00", vat="4.00", gross="54.00"),
    ]
    response = api.post("/invoices", {"invoices": [payloads.invoice(charges=charges)]})
    assert response.json()["updated"] == 1
    assert list(Invoice.objects.get().lines.values_list("description", flat=True)) == [
        "Woda",
        "Ścieki",
    ]
    again = api.post("/invoices", {"invoices": [payloads.invoice(charges=charges)]})
    assert again.json()["unchanged"] == 1


def test_a_change_of_the_invoice_alone_keeps_its_charges(api, customer_with_point):
    api.post("/invoices", {"invoices": [payloads.invoice()]})
    line_ids = list(InvoiceLine.objects.values_list("id", flat=True))
    response = api.post("/invoices", {"invoices": [payloads.invoice(due_on="2026-11-30")]})
    assert response.json()["updated"] == 1
    assert list(InvoiceLine.objects.values_list("id", flat=True)) == line_ids


def test_a_charge_may_name_no_service_point(api, customer_with_point):
    record = payloads.invoice(charges=[payloads.charge(service_point=None)])
    assert api.post("/invoices", {"invoices": [record]}).status_code == 200
    assert InvoiceLine.objects.get().service_point is None


def test_a_charge_on_another_customers_service_point_is_refused(api, customer_with_point):
    api.post(
        "/batch",
        {
            "customers": [payloads.customer("K-2", "2")],
            "service_points": [payloads.service_point("PP-2", "K-2")],
        },
    )
    record = payloads.invoice(charges=[payloads.charge(), payloads.charge(service_point="PP-2")])
    response = api.post("/invoices", {"invoices": [record]})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "section": "invoices",
            "index": 0,
            "field": "charges.1.service_point_external_id",
            "message": "Service point 'PP-2' belongs to another customer.",
        }
    ]


def test_an_invoice_number_of_another_invoice_is_refused(api, customer_with_point):
    api.post("/invoices", {"invoices": [payloads.invoice()]})
    response = api.post("/invoices", {"invoices": [payloads.invoice("F-2")]})
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert (error["index"], error["field"]) == (0, "number")
    assert "F-1" in error["message"]


def test_a_corrective_invoice_with_negative_amounts_is_accepted(api, customer_with_point):
    record = payloads.invoice(
        "F-2",
        number="FK/2026/11/000001",
        kind="correction",
        net="-10.00",
        vat="-0.80",
        gross="-10.80",
        charges=[payloads.charge(quantity="-1.000", net="-10.00", vat="-0.80", gross="-10.80")],
    )
    assert api.post("/invoices", {"invoices": [record]}).status_code == 200
    assert Invoice.objects.get().gross == Decimal("-10.80")
