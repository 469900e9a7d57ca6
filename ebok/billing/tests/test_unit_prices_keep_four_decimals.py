"""A charge's unit net price keeps the up to 4 decimals the invoice has, on the invoice page and
in its PDF copy alike: 10.5263 is "10,5263 zł", never rounded to "10,53 zł"."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from ebok.billing.formatting import unit_price
from ebok.billing.models import Invoice, InvoiceLine
from ebok.billing.tests.test_invoice_pdf import written
from ebok.testing import pdf_text

NBSP = "\N{NO-BREAK SPACE}"


@pytest.mark.parametrize(
    ("price", "shown"),
    [
        ("10.5263", f"10,5263{NBSP}zł"),
        ("5.4300", f"5,43{NBSP}zł"),
        ("12.5", f"12,50{NBSP}zł"),
        ("0.0450", f"0,045{NBSP}zł"),
        ("1234.5678", f"1{NBSP}234,5678{NBSP}zł"),
        ("-3.10005", f"-3,1001{NBSP}zł"),
    ],
)
def test_a_unit_price_shows_two_to_four_decimals_in_polish(price, shown):
    with translation.override("pl"):
        assert unit_price(Decimal(price)) == shown


def test_a_unit_price_in_english_has_a_decimal_point():
    with translation.override("en"):
        assert unit_price(Decimal("1234.5263")) == f"1,234.5263{NBSP}zł"


@pytest.fixture
def invoice(customer):
    invoice = Invoice.objects.create(
        customer=customer,
        number="FV/2026/11/000001",
        issued_on=date(2026, 11, 1),
        due_on=date(2026, 11, 15),
        net=Decimal("100.00"),
        vat=Decimal("8.00"),
        gross=Decimal("108.00"),
    )
    InvoiceLine.objects.create(
        invoice=invoice,
        description="Woda",
        quantity=Decimal("9.500"),
        unit="m³",
        unit_net_price=Decimal("10.5263"),
        vat_rate=Decimal("8.00"),
        net=Decimal("100.00"),
        vat=Decimal("8.00"),
        gross=Decimal("108.00"),
    )
    return invoice


def test_the_invoice_page_shows_the_unit_price_with_four_decimals(client, account, invoice):
    client.force_login(account)

    page = client.get(reverse("portal:invoice", args=[invoice.pk])).content.decode()

    assert f'class="num">10,5263{NBSP}zł</td>' in page
    assert "10,53" not in page


def test_the_pdf_copy_shows_the_same_unit_price(invoice, tmp_path):
    text = pdf_text(written(tmp_path, invoice))

    assert "10,5263 zł" in text  # the no-break space is read as a plain one
