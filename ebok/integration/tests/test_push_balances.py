"""The billing system states what a customer owes as of a day: stored, idempotent, checked
against the invoices, and forgotten when invoices or payments come without one."""

from decimal import Decimal

import pytest

from ebok.billing.balance import balance
from ebok.billing.models import PushedBalance, PushedInvoiceBalance
from ebok.customers.models import Customer
from ebok.integration.tests import payloads

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def stated(customer="K-1", as_of="2026-11-20", amount_due="68.00", invoices=None, **extra):
    if invoices is None:
        invoices = [{"invoice_external_id": "F-1", "left_to_pay": amount_due}]
    return {
        "customer_external_id": customer,
        "as_of": as_of,
        "amount_due": amount_due,
        "invoices": invoices,
        **extra,
    }


@pytest.fixture
def invoiced(api):
    """One invoice of 108,00 zł and a payment of 40,00 zł: eBOK derives 68,00 zł due."""
    batch = {
        "customers": [payloads.customer()],
        "invoices": [payloads.invoice(charges=[])],
        "payments": [payloads.payment()],
    }
    assert api.post("/batch", batch).status_code == 200
    return Customer.objects.get(external_id="K-1")


def test_a_balance_is_stored_with_what_is_left_on_each_invoice(api, invoiced):
    body = {"balances": [stated(amount_due="70.50", overdue="70.50", interest="1.20")]}
    response = api.post("/balances", body)
    assert response.status_code == 200, response.json()
    assert response.json()["created"] == 1
    pushed = PushedBalance.objects.get()
    assert (pushed.customer, str(pushed.as_of), pushed.amount_due, pushed.interest) == (
        invoiced,
        "2026-11-20",
        Decimal("70.50"),
        Decimal("1.20"),
    )
    left = PushedInvoiceBalance.objects.get()
    assert (left.invoice.external_id, left.left_to_pay) == ("F-1", Decimal("70.50"))
    # The panel's balance is now the billing system's.
    current = balance(invoiced)
    assert (current.amount_due, current.overdue, current.interest) == (
        Decimal("70.50"),
        Decimal("70.50"),
        Decimal("1.20"),
    )
    assert str(current.as_of) == "2026-11-20"


def test_the_same_balance_twice_is_unchanged_and_a_new_one_replaces_it(api, invoiced):
    api.post("/balances", {"balances": [stated()]})
    received = PushedBalance.objects.get().received_at
    assert api.post("/balances", {"balances": [stated()]}).json()["unchanged"] == 1
    assert PushedBalance.objects.get().received_at == received

    settled = stated(as_of="2026-11-24", amount_due="0.00", invoices=[], overpayment="5.00")
    assert api.post("/balances", {"balances": [settled]}).json()["updated"] == 1
    assert not PushedInvoiceBalance.objects.exists()
    assert (balance(invoiced).amount_due, balance(invoiced).overpayment) == (
        Decimal("0.00"),
        Decimal("5.00"),
    )


def test_a_balance_comes_in_a_batch_after_the_invoices_it_names(api):
    batch = {
        "customers": [payloads.customer()],
        "invoices": [payloads.invoice(charges=[])],
        "balances": [stated(amount_due="108.00")],
    }
    response = api.post("/batch", batch)
    assert response.status_code == 200, response.json()
    assert response.json()["sections"]["balances"]["created"] == 1
    assert balance(Customer.objects.get()).amount_due == Decimal("108.00")


@pytest.mark.parametrize(
    ("record", "field", "message"),
    [
        (stated(amount_due="68.00", invoices=[]), "invoices", "add up to amount_due"),
        (stated(overdue="70.00"), "overdue", "not be more than amount_due"),
        (stated(overpayment="1.00"), "overpayment", "zero when amount_due"),
        (stated(as_of="2026-11-26"), "as_of", "not be after today"),
        (
            stated(
                invoices=[{"invoice_external_id": "F-1", "left_to_pay": "0.00"}], amount_due="0"
            ),
            "invoices.0.left_to_pay",
            "above zero",
        ),
        (
            stated(invoices=[{"invoice_external_id": "F-404", "left_to_pay": "68.00"}]),
            "invoices.0.invoice_external_id",
            "No invoice with external_id 'F-404'",
        ),
        (
            stated(amount_due="200.00"),
            "invoices.0.left_to_pay",
            "More than the invoice's gross (108.00)",
        ),
        (
            stated(customer="K-404", amount_due="0.00", invoices=[]),
            "customer_external_id",
            "No customer",
        ),
    ],
)
def test_a_balance_that_does_not_add_up_is_refused(api, invoiced, record, field, message):
    response = api.post("/balances", {"balances": [record]})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert [(e["section"], e["index"], e["field"]) for e in errors] == [("balances", 0, field)]
    assert message in errors[0]["message"]
    assert not PushedBalance.objects.exists()


def test_an_invoice_of_another_customer_is_refused(api, invoiced):
    other = {
        "customers": [payloads.customer("K-2", "004321")],
        "invoices": [payloads.invoice("F-2", "K-2", "FV/2", charges=[])],
    }
    api.post("/batch", other)
    record = stated(invoices=[{"invoice_external_id": "F-2", "left_to_pay": "68.00"}])
    errors = api.post("/balances", {"balances": [record]}).json()["errors"]
    assert errors[0]["message"] == "Invoice 'F-2' is another customer's."


def test_the_same_customer_twice_in_one_request_is_refused(api, invoiced):
    response = api.post("/balances", {"balances": [stated(), stated()]})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "customer_external_id"


def test_a_payment_pushed_later_makes_the_balance_forgotten(api, invoiced):
    api.post("/balances", {"balances": [stated(amount_due="70.50")]})
    # Booked for a day the balance covers: the balance cannot know of it.
    late = payloads.payment("W-2", paid_on="2026-11-18", amount="10.00")
    assert api.post("/payments", {"payments": [late]}).json()["created"] == 1
    assert not PushedBalance.objects.exists()
    assert balance(invoiced).amount_due == Decimal("58.00")  # derived again: 108 - 40 - 10


def test_an_unchanged_payment_keeps_the_balance_and_one_sent_with_it_too(api, invoiced):
    api.post("/balances", {"balances": [stated(amount_due="70.50")]})
    assert api.post("/payments", {"payments": [payloads.payment()]}).json()["unchanged"] == 1
    assert PushedBalance.objects.exists()
    batch = {
        "payments": [payloads.payment("W-2", amount="10.00")],
        "balances": [stated(amount_due="60.50")],
    }
    assert api.post("/batch", batch).status_code == 200
    assert balance(invoiced).amount_due == Decimal("60.50")


def test_a_changed_invoice_makes_the_balance_forgotten(api, invoiced):
    api.post("/balances", {"balances": [stated(amount_due="70.50")]})
    changed = payloads.invoice(charges=[], due_on="2026-11-30")
    assert api.post("/invoices", {"invoices": [changed]}).json()["updated"] == 1
    assert not PushedBalance.objects.exists()


@pytest.mark.parametrize("path", ["/invoices/F-1", "/payments/W-1"])
def test_a_withdrawal_makes_the_balance_forgotten(api, invoiced, path):
    api.post("/balances", {"balances": [stated(amount_due="70.50")]})
    assert api.delete(path).status_code == 204
    assert not PushedBalance.objects.exists()


def test_another_customers_balance_stays(api, invoiced):
    batch = {
        "customers": [payloads.customer("K-2", "004321")],
        "invoices": [payloads.invoice("F-2", "K-2", "FV/2", charges=[])],
    }
    api.post("/batch", batch)
    api.post("/balances", {"balances": [stated(amount_due="70.50")]})
    api.post("/payments", {"payments": [payloads.payment("W-9", "K-2")]})
    assert PushedBalance.objects.get().customer == invoiced
