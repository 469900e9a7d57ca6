"""The billing system's balance replaces eBOK's derivation while eBOK knows of no invoice
issued and no payment made after its as-of date; then eBOK derives again."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from ebok.billing.balance import (
    balance,
    invoice_state,
    invoice_states,
    next_payment,
    with_running_totals,
)
from ebok.billing.models import Invoice, Payment, PushedBalance, PushedInvoiceBalance

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def make_invoice(customer, number, issued_on, gross):
    return Invoice.objects.create(
        customer=customer,
        number=number,
        issued_on=issued_on,
        due_on=issued_on + timedelta(days=14),
        net=Decimal(gross),
        vat=Decimal("0.00"),
        gross=Decimal(gross),
    )


@pytest.fixture
def pushed(customer):
    """Two invoices of 100,00 zł (eBOK derives 200,00 zł due); the billing system says, as of
    2026-11-20, that 30,00 zł is left on the older one (a payment eBOK was not sent) and 100,00
    zł on the newer one, with 2,15 zł interest."""
    older = make_invoice(customer, "FV/1", date(2026, 10, 1), "100.00")
    newer = make_invoice(customer, "FV/2", date(2026, 11, 1), "100.00")
    stated = PushedBalance.objects.create(
        customer=customer,
        as_of=date(2026, 11, 20),
        amount_due=Decimal("130.00"),
        overdue=Decimal("130.00"),
        overpayment=Decimal("0.00"),
        interest=Decimal("2.15"),
        received_at=timezone.now(),
    )
    PushedInvoiceBalance.objects.create(balance=stated, invoice=older, left_to_pay=Decimal("30"))
    PushedInvoiceBalance.objects.create(balance=stated, invoice=newer, left_to_pay=Decimal("100"))
    return older, newer


def left_on_each(customer):
    """What is left on each invoice, as the running totals' expressions say (the office, the
    notices) and as the customer's invoice pages compute it: the two must agree."""
    current = balance(customer)
    invoices = with_running_totals(customer.invoices.order_by("due_on"))
    left = [
        (invoice.number, invoice_state(invoice, current.settled).left_to_pay)
        for invoice in invoices
    ]
    walked = invoice_states(customer, customer.invoices.order_by("due_on"), current)
    assert [state.left_to_pay for state in walked] == [amount for _, amount in left]
    return left


def test_the_pushed_amounts_are_shown_with_their_date(customer, pushed):
    current = balance(customer)
    assert (current.amount_due, current.overdue, current.interest, current.as_of) == (
        Decimal("130.00"),
        Decimal("130.00"),
        Decimal("2.15"),
        date(2026, 11, 20),
    )
    assert left_on_each(customer) == [("FV/1", Decimal("30.00")), ("FV/2", Decimal("100.00"))]
    assert next_payment(customer, current).number == "FV/1"


def test_an_invoice_the_balance_does_not_list_had_nothing_left(customer, pushed):
    PushedInvoiceBalance.objects.filter(invoice=pushed[0]).delete()
    assert left_on_each(customer)[0] == ("FV/1", Decimal("0.00"))
    assert next_payment(customer, balance(customer)).number == "FV/2"


def test_an_invoice_issued_after_the_as_of_date_brings_the_derivation_back(customer, pushed):
    make_invoice(customer, "FV/3", date(2026, 11, 21), "50.00")
    current = balance(customer)
    assert current.pushed is None
    assert (current.amount_due, current.interest, current.as_of) == (
        Decimal("250.00"),
        Decimal("0.00"),
        date(2026, 11, 25),  # today: derived now
    )
    assert left_on_each(customer)[0] == ("FV/1", Decimal("100.00"))


def test_a_payment_made_after_the_as_of_date_brings_the_derivation_back(customer, pushed):
    Payment.objects.create(customer=customer, paid_on=date(2026, 11, 24), amount=Decimal("120"))
    current = balance(customer)
    assert current.amount_due == Decimal("80.00")
    assert left_on_each(customer) == [("FV/1", Decimal("0.00")), ("FV/2", Decimal("80.00"))]


def test_one_made_on_the_as_of_date_is_in_the_balance(customer, pushed):
    Payment.objects.create(customer=customer, paid_on=date(2026, 11, 20), amount=Decimal("70"))
    assert balance(customer).amount_due == Decimal("130.00")


def test_a_derived_balance_says_what_is_overdue_today(customer):
    make_invoice(customer, "FV/1", date(2026, 10, 1), "100.00")  # due 2026-10-15
    make_invoice(customer, "FV/2", date(2026, 11, 20), "100.00")  # due 2026-12-04
    Payment.objects.create(customer=customer, paid_on=date(2026, 11, 1), amount=Decimal("40"))
    current = balance(customer)
    assert (current.amount_due, current.overdue) == (Decimal("160.00"), Decimal("60.00"))
