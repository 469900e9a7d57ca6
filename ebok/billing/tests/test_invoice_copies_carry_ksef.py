"""KSeF on invoices: the billing system sends the KSeF number, the issue mode and the file's
hash; the invoice list and page show the number; the PDF copy carries the verification QR code
(KOD I) with the number under it, or OFFLINE while there is none."""

import hashlib
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from ebok.billing.models import Invoice
from ebok.billing.pdf import render_invoice_pdf
from ebok.integration.tests.conftest import ApiClient
from ebok.integration.tokens import create_token
from ebok.testing import pdf_text

pytestmark = pytest.mark.django_db

KSEF_NUMBER = "5265877635-20250826-0100001AF629-AF"  # the specification's example
FILE_HASH = hashlib.sha256(b"<Faktura>...</Faktura>").hexdigest()


@pytest.fixture
def invoice(customer, settings):
    settings.UTILITY_NIP = "526-587-76-35"
    return Invoice.objects.create(
        customer=customer, number="FV/KSEF/1", issued_on=date(2026, 2, 1),
        due_on=date(2026, 2, 15), net=Decimal("100.00"), vat=Decimal("8.00"),
        gross=Decimal("108.00"), ksef_number=KSEF_NUMBER, ksef_mode="online",
        ksef_sha256=FILE_HASH,
    )  # fmt: skip


def test_the_copy_carries_the_ksef_number_under_the_code(invoice):
    text = pdf_text(render_invoice_pdf(invoice))
    assert KSEF_NUMBER in text
    assert "Zweryfikuj tę fakturę w KSeF: zeskanuj kod." in text


def test_without_a_number_yet_the_code_says_offline(invoice):
    invoice.ksef_number = ""
    invoice.ksef_mode = "offline"
    assert "OFFLINE" in pdf_text(render_invoice_pdf(invoice))


def test_without_the_files_hash_there_is_no_code(invoice):
    invoice.ksef_sha256 = ""
    text = pdf_text(render_invoice_pdf(invoice))
    assert "KSeF" not in text and "OFFLINE" not in text


def test_the_invoice_list_and_page_show_the_ksef_number(client, account, invoice):
    client.force_login(account)
    assert KSEF_NUMBER in client.get(reverse("portal:invoices")).content.decode()
    page = client.get(reverse("portal:invoice", args=[invoice.pk])).content.decode()
    assert f'<dd id="ksef-number">{KSEF_NUMBER}</dd>' in page


def push(client, **ksef):
    api = ApiClient(client, create_token("billing-test")[1])
    customer = {"external_id": "K-1", "number": "001234", "name": "Jan", "postal_code": "07-100",
                "city": "Węgrów", "street": "ul. Wyszyńskiego 1"}  # fmt: skip
    invoice = {"external_id": "F-1", "customer_external_id": "K-1", "number": "FV/1",
               "issued_on": "2026-02-01", "due_on": "2026-02-15", "net": "100.00",
               "vat": "8.00", "gross": "108.00", **ksef}  # fmt: skip
    return api.post("/batch", {"customers": [customer], "invoices": [invoice]})


def test_the_billing_system_sends_ksef_data(client, customer):
    response = push(client, ksef_number=KSEF_NUMBER, ksef_mode="online", ksef_sha256=FILE_HASH)
    assert response.status_code == 200, response.content
    stored = Invoice.objects.get(external_id="F-1")
    assert (stored.ksef_number, stored.ksef_mode, stored.ksef_sha256) == (
        KSEF_NUMBER, "online", FILE_HASH,
    )  # fmt: skip


@pytest.mark.parametrize(
    "ksef",
    [
        {"ksef_number": KSEF_NUMBER[:-2] + "AE"},  # a wrong check sum
        {"ksef_mode": "maybe"},
        {"ksef_sha256": FILE_HASH.upper()},
        {"ksef_sha256": FILE_HASH[:-1]},
    ],
)
def test_mistyped_ksef_data_is_refused(client, customer, ksef):
    assert push(client, **ksef).status_code == 422
    assert not Invoice.objects.filter(external_id="F-1").exists()
