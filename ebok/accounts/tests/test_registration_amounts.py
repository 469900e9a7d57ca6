"""The invoice's gross amount, typed the way people type money in Poland."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from ebok.accounts.registration import parse_amount
from ebok.accounts.tests.helpers import form_data, make_invoice

UNREADABLE = (
    "Nie można odczytać tej kwoty. Wpisz ją tak jak na fakturze, w złotych i groszach, "
    "np. 60,00 albo 1 234,56."
)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("60,00", "60.00"),
        ("60.00", "60.00"),
        ("60", "60.00"),
        ("60,5", "60.50"),
        (" 60,00 ", "60.00"),
        ("1 234,56", "1234.56"),
        ("1\u00a0234,56", "1234.56"),  # a no-break space, as copied from a PDF
        ("1\u202f234,56", "1234.56"),  # a narrow no-break space
        ("1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("12 345 678,90", "12345678.90"),
        ("60,00 zł", "60.00"),
        ("60,00 PLN", "60.00"),
        ("60,00zł", "60.00"),
        ("-12,34", "-12.34"),  # a corrective invoice
    ],
)
def test_amounts_are_read_as_typed(typed, amount):
    assert parse_amount(typed) == Decimal(amount)


@pytest.mark.parametrize(
    "typed",
    ["", "zł", "sześćdziesiąt", "60,001", "1,234", "1.234", "60,00,00", "1.234.56", "6O,00", "--5"],
)
def test_amounts_that_cannot_be_read_for_certain_are_refused(typed):
    assert parse_amount(typed) is None


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["1 234,56", "1234,56", "1234.56", "1 234,56 zł"])
def test_customer_registers_with_the_amount_typed_any_usual_way(client, customer, terms, typed):
    make_invoice(customer, gross="1234.56")
    client.post(reverse("accounts:register"), form_data(gross=typed))
    assert [m.subject for m in mail.outbox] == ["Hasło tymczasowe do e-BOK"]


@pytest.mark.django_db
def test_an_unreadable_amount_is_explained_in_polish_and_nothing_is_checked(
    client, customer, terms
):
    make_invoice(customer)
    response = client.post(reverse("accounts:register"), form_data(gross="60,001"))
    assert response.status_code == 200
    assert UNREADABLE in response.content.decode()
    assert mail.outbox == []
