"""The balance is summed by the database in one query for any number of customers; the sums
come back as Decimals of two places, also where SQLite adds them as binary fractions."""

from decimal import Decimal

import pytest

from ebok.billing.balance import balances
from ebok.billing.models import Invoice, Payment
from ebok.testing import TODAY, make_customer

pytestmark = pytest.mark.django_db


def invoice(customer, number, gross):
    gross = Decimal(gross)
    return Invoice.objects.create(
        customer=customer,
        number=number,
        issued_on=TODAY,
        due_on=TODAY,
        net=gross,
        vat=Decimal("0.00"),
        gross=gross,
    )


def test_balances_are_exact_to_the_grosz_for_several_numbers(customer):
    other = make_customer(number="004321")
    untouched = make_customer(number="005555")
    # 0.10 + 0.20 is not 0.30 in binary fractions, which is how SQLite adds decimals.
    invoice(customer, "A", "0.10")
    invoice(customer, "B", "0.20")
    invoice(customer, "K", "-0.10")  # a corrective invoice credits
    Payment.objects.create(customer=customer, paid_on=TODAY, amount=Decimal("0.10"))
    invoice(other, "C", "1234.56")
    Payment.objects.create(customer=other, paid_on=TODAY, amount=Decimal("2000.01"))

    result = balances([customer.pk, other.pk, untouched.pk])

    mine = result[customer.pk]
    assert (mine.invoiced, mine.credited, mine.paid) == (
        Decimal("0.30"),
        Decimal("0.10"),
        Decimal("0.10"),
    )
    assert str(mine.amount_due) == "0.10"
    assert result[other.pk].overpayment == Decimal("765.45")
    assert str(result[other.pk].overpayment) == "765.45"
    nothing = result[untouched.pk]
    assert (nothing.invoiced, nothing.credited, nothing.paid) == (Decimal("0.00"),) * 3
    assert balances([]) == {}
