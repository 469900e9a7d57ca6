"""A login with several customer numbers pays what is due on the ones it chooses in one
payment ("Moje numery"); each number gets its part, each part is booked on its own."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ebok.accounts.models import Membership
from ebok.payments.models import OnlinePayment
from ebok.payments.tests.conftest import notify
from ebok.testing import make_customer

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_numbers(account, customer, unpaid_invoice):
    others = []
    for number, gross in [("004321", "30.00"), ("005678", "0")]:
        other = make_customer(number=number, name=f"Numer {number}")
        if gross != "0":
            other.invoices.create(
                number=f"FV/{number}", issued_on=unpaid_invoice.issued_on,
                due_on=unpaid_invoice.due_on, net=gross, vat=0, gross=gross,
            )  # fmt: skip
        Membership.objects.create(user=account, customer=other, role=Membership.Role.VIEWER)
        others.append(other)
    return [customer, *others]


def test_the_numbers_page_leads_to_paying_several(client, account, three_numbers, p24):
    client.force_login(account)
    page = client.get(reverse("portal:numbers")).content.decode()
    assert reverse("payments:pay_numbers") in page
    form = client.get(reverse("payments:pay_numbers")).content.decode()
    assert 'id="number-001234"' in form and 'id="number-004321"' in form
    assert 'id="number-005678"' not in form  # nothing due there
    assert "Razem: 150,00\xa0zł." in form


def test_one_payment_pays_each_chosen_number_its_due(client, account, three_numbers, p24):
    client.force_login(account)
    response = client.post(reverse("payments:pay_numbers"), {"numbers": ["001234", "004321"]})
    assert response.status_code == 302
    payment = OnlinePayment.objects.get()
    assert payment.amount == Decimal("150.00")
    parts = {part.customer.number: part.amount for part in payment.parts.all()}
    assert parts == {"001234": Decimal("120.00"), "004321": Decimal("30.00")}
    (registered,) = p24.transactions.values()
    assert registered["amount"] == 15000
    notify(client, p24.pay(p24.token_of(str(payment.session_id)), notify=False))
    # Seen from the second number too.
    client.post(reverse("accounts:switch_number"), {"customer_number": "004321", "next": "/"})
    tab = client.get(reverse("portal:payments")).content.decode()
    assert "Płatności w toku" in tab and "30,00\xa0zł" in tab


def test_a_number_not_reached_cannot_be_slipped_in(client, account, three_numbers, stranger, p24):
    client.force_login(account)
    response = client.post(reverse("payments:pay_numbers"), {"numbers": ["009999"]})
    assert response.status_code == 200
    assert not OnlinePayment.objects.exists()


def test_choosing_none_is_refused_with_a_message(client, account, three_numbers, p24):
    client.force_login(account)
    response = client.post(reverse("payments:pay_numbers"), {})
    assert "Proszę wybrać co najmniej jeden numer klienta." in response.content.decode()
    assert not OnlinePayment.objects.exists()
