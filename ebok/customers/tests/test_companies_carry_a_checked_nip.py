"""A company's NIP comes from the billing system with the customer, its check digit checked,
and is shown on the Information tab and on the invoice copy, where the buyer is."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ebok.billing.models import Invoice
from ebok.billing.pdf import render_invoice_pdf
from ebok.customers.models import Customer
from ebok.customers.nip import is_nip, validate_nip
from ebok.integration.tests import payloads
from ebok.integration.tests.conftest import ApiClient
from ebok.integration.tokens import create_token
from ebok.testing import pdf_text

# Published NIPs: PKN Orlen, PKO Bank Polski, and the seller in the KSeF specification's example.
REAL = ["7740001454", "5250007738", "5265877635"]
# The same with one digit changed or two swapped, too short, with dashes, with a letter.
WRONG = ["7740001455", "5250007783", "525000773", "525-000-77-38", "52500077A8"]


@pytest.mark.parametrize("nip", REAL)
def test_real_nips_add_up(nip):
    assert is_nip(nip)
    validate_nip(nip)


@pytest.mark.parametrize("nip", WRONG)
def test_mistyped_nips_do_not(nip):
    assert not is_nip(nip)
    with pytest.raises(ValidationError):
        validate_nip(nip)


def test_a_remainder_of_ten_is_never_a_check_digit():
    # 123456789: weighted sum 6+10+21+8+15+24+35+48+63 = 230, 230 % 11 = 10.
    assert not any(is_nip(f"123456789{digit}") for digit in range(10))


@pytest.fixture
def api(client, db):
    return ApiClient(client, create_token("billing-test")[1])


@pytest.mark.django_db
def test_the_billing_system_sends_it_with_the_customer(api):
    response = api.post("/customers", {"customers": [payloads.customer(nip="7740001454")]})
    assert response.json()["created"] == 1
    assert Customer.objects.get().nip == "7740001454"
    # A record is the customer's full state: without a NIP, the customer has none.
    assert api.post("/customers", {"customers": [payloads.customer()]}).json()["updated"] == 1
    assert Customer.objects.get().nip == ""


@pytest.mark.django_db
@pytest.mark.parametrize("nip", ["7740001455", "774-000-14-54", "PL7740001454"])
def test_a_wrong_nip_is_refused_and_nothing_is_written(api, nip):
    response = api.post("/customers", {"customers": [payloads.customer(nip=nip)]})
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert (error["section"], error["index"], error["field"]) == ("customers", 0, "nip")
    assert not Customer.objects.exists()


@pytest.mark.django_db
def test_the_information_tab_and_the_copy_show_it(client, account, customer):
    customer.nip = "7740001454"
    customer.save()
    client.force_login(account)
    page = client.get(reverse("portal:info")).content.decode()
    assert '<dt>NIP</dt><dd id="customer-nip">7740001454</dd>' in page
    invoice = Invoice.objects.create(
        customer=customer, number="FV/1", issued_on=date(2026, 11, 1), due_on=date(2026, 11, 15),
        net=Decimal("100.00"), vat=Decimal("8.00"), gross=Decimal("108.00"),
    )  # fmt: skip
    text = pdf_text(render_invoice_pdf(invoice))
    assert "Jan Węgrowski\nNIP: 7740001454\n" in text


@pytest.mark.django_db
def test_a_household_has_none_shown(client, account):
    client.force_login(account)
    assert "customer-nip" not in client.get(reverse("portal:info")).content.decode()
