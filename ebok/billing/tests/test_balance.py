from datetime import date
from decimal import Decimal

import pytest

from ebok.billing.balance import (
    balance,
    invoice_state,
    invoice_states,
    next_payment,
    with_running_totals,
)
from ebok.billing.models import Invoice, Payment
from ebok.testing import TODAY

pytestmark = pytest.mark.django_db


def invoice(customer, number, due_on, gross, kind="invoice"):
    gross = Decimal(gross)
    return Invoice.objects.create(
        customer=customer,
        number=number,
        kind=kind,
        issued_on=due_on,
        due_on=due_on,
        net=gross,
        vat=Decimal("0.00"),
        gross=gross,
    )


def pay(customer, amount):
    Payment.objects.create(customer=customer, paid_on=TODAY, amount=Decimal(amount))


def states(customer):
    settled = balance(customer).settled
    invoices = with_running_totals(customer.invoices.order_by("due_on"))
    return [(i.number, invoice_state(i, settled, today=TODAY)) for i in invoices]


def test_nothing_invoiced_nothing_due(customer):
    assert balance(customer).amount_due == Decimal("0.00")
    assert balance(customer).overpayment == Decimal("0.00")
    assert next_payment(customer, balance(customer)) is None


def test_payments_settle_the_oldest_invoices_first(customer):
    invoice(customer, "A", date(2026, 9, 15), "100.00")
    invoice(customer, "B", date(2026, 10, 15), "80.00")
    invoice(customer, "C", date(2026, 12, 15), "50.00")
    pay(customer, "120.00")
    result = {number: (state.left_to_pay, state.status) for number, state in states(customer)}
    assert result == {
        "A": (Decimal("0.00"), "paid"),
        "B": (Decimal("60.00"), "overdue"),
        "C": (Decimal("50.00"), "unpaid"),
    }
    assert balance(customer).amount_due == Decimal("110.00")
    assert next_payment(customer, balance(customer)).number == "B"


def test_overpayment_is_shown_and_nothing_is_due(customer):
    invoice(customer, "A", date(2026, 9, 15), "100.00")
    pay(customer, "130.55")
    current = balance(customer)
    assert current.amount_due == Decimal("0.00")
    assert current.overpayment == Decimal("30.55")
    assert states(customer)[0][1].status == "paid"


def test_a_corrective_invoice_is_a_credit_that_settles_the_oldest_invoice(customer):
    invoice(customer, "A", date(2026, 9, 15), "100.00")
    invoice(customer, "K", date(2026, 9, 20), "-30.00", kind="correction")
    invoice(customer, "B", date(2026, 10, 15), "50.00")
    pay(customer, "70.00")
    result = {number: state.left_to_pay for number, state in states(customer)}
    assert result == {"A": Decimal("0.00"), "K": Decimal("0.00"), "B": Decimal("50.00")}
    assert balance(customer).amount_due == Decimal("50.00")


def test_left_to_pay_does_not_depend_on_a_year_filter(customer):
    invoice(customer, "A", date(2025, 12, 15), "100.00")
    invoice(customer, "B", date(2026, 1, 15), "100.00")
    pay(customer, "150.00")
    settled = balance(customer).settled
    (only_2026,) = with_running_totals(customer.invoices.filter(issued_on__year=2026))
    assert invoice_state(only_2026, settled, today=TODAY).left_to_pay == Decimal("50.00")


def test_another_customers_invoices_and_payments_do_not_count(customer, stranger):
    invoice(customer, "A", date(2026, 9, 15), "100.00")
    invoice(stranger, "X", date(2026, 8, 15), "500.00")
    pay(stranger, "999.00")
    assert balance(customer).amount_due == Decimal("100.00")
    assert states(customer)[0][1].left_to_pay == Decimal("100.00")


def test_the_next_payment_is_the_first_invoice_with_something_left_whatever_settles_them(customer):
    invoice(customer, "A", date(2026, 9, 15), "100.00")
    invoice(customer, "K", date(2026, 9, 20), "-30.00")  # a corrective invoice: a credit
    invoice(customer, "B", date(2026, 10, 15), "80.00")
    invoice(customer, "C", date(2026, 12, 15), "50.00")
    for paid, expected in [("0.00", "A"), ("70.00", "B"), ("149.99", "B"), ("150.00", "C")]:
        customer.payments.all().delete()
        pay(customer, paid)
        first_left = next(n for n, state in states(customer) if state.left_to_pay > 0)
        assert first_left == expected
        assert next_payment(customer, balance(customer)).number == expected


def test_the_states_of_a_page_of_invoices_are_those_of_the_running_totals(customer):
    invoice(customer, "A", date(2026, 9, 15), "100.00")
    invoice(customer, "K", date(2026, 9, 20), "-30.00")
    invoice(customer, "B", date(2026, 10, 15), "80.00")
    invoice(customer, "C", date(2026, 12, 15), "50.00")
    for paid in ["0.00", "70.00", "149.99", "230.00"]:
        customer.payments.all().delete()
        pay(customer, paid)
        newest_first = list(customer.invoices.order_by("-due_on"))
        page = newest_first[:2]  # a page of the list: the others still count
        computed = invoice_states(customer, page, balance(customer), today=TODAY)
        expected = dict(states(customer))
        assert [(i.number, state) for i, state in zip(page, computed, strict=True)] == [
            (i.number, expected[i.number]) for i in page
        ]
