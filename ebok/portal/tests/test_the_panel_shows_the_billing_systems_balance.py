"""The panel shows the billing system's balance, and says as of when, while it is in force;
the Information tab says what is due, by when and how late, with "Zapłać"."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from ebok.billing.models import Invoice, Payment, PushedBalance, PushedInvoiceBalance
from ebok.testing import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def text_of(page: str, element_id: str) -> str:
    found = re.search(rf'id="{element_id}"[^>]*>(.*?)</(dd|p|strong|span)>', page, re.S)
    assert found, f"no #{element_id} on the page"
    return re.sub(r"<[^>]+>", "", found.group(1)).replace("\xa0", " ").strip()


@pytest.fixture
def invoices(customer):
    """Due 20 days ago (100,00 zł) and in 10 days (80,00 zł); eBOK knows of a 30,00 zł payment."""
    late = Invoice.objects.create(
        customer=customer, number="FV/1", issued_on=TODAY - timedelta(days=34),
        due_on=TODAY - timedelta(days=20), net=100, vat=0, gross=100,
    )  # fmt: skip
    coming = Invoice.objects.create(
        customer=customer, number="FV/2", issued_on=TODAY - timedelta(days=4),
        due_on=TODAY + timedelta(days=10), net=80, vat=0, gross=80,
    )  # fmt: skip
    Payment.objects.create(customer=customer, paid_on=TODAY - timedelta(days=25), amount=30)
    return late, coming


@pytest.fixture
def pushed(invoices, customer):
    """As of yesterday the billing system knows of 50,00 zł more paid: 20,00 zł left on FV/1."""
    late, coming = invoices
    stated = PushedBalance.objects.create(
        customer=customer, as_of=TODAY - timedelta(days=1), amount_due=Decimal("100.00"),
        overdue=Decimal("20.00"), overpayment=0, interest=Decimal("1.37"),
        received_at=timezone.now(),
    )  # fmt: skip
    PushedInvoiceBalance.objects.create(balance=stated, invoice=late, left_to_pay=20)
    PushedInvoiceBalance.objects.create(balance=stated, invoice=coming, left_to_pay=80)
    return stated


def test_the_information_tab_says_what_is_due_by_when_and_how_late(
    client, account, invoices, settings
):
    settings.PAYMENT_PROVIDER = "przelewy24"
    client.force_login(account)
    page = client.get(reverse("portal:info")).content.decode()
    assert text_of(page, "amount-due") == "150,00 zł"
    assert text_of(page, "overdue") == "70,00 zł"
    assert text_of(page, "balance-as-of") == f"Stan na {TODAY:%Y-%m-%d}"
    assert "Po terminie od" in page and "(20 dni po terminie)" in page
    assert text_of(page, "overview-next-due") == f"{TODAY - timedelta(days=20):%Y-%m-%d}"
    assert "Najbliższy termin płatności" not in page
    assert f'href="{reverse("payments:pay")}"' in page
    assert 'id="interest"' not in page  # only the billing system knows of interest


def test_the_tabs_show_the_pushed_balance_and_its_date(client, account, pushed):
    client.force_login(account)
    as_of = f"Stan na {pushed.as_of:%Y-%m-%d}"

    info = client.get(reverse("portal:info")).content.decode()
    assert text_of(info, "amount-due") == "100,00 zł"
    assert text_of(info, "overdue") == "20,00 zł"
    assert text_of(info, "interest") == "1,37 zł"
    assert text_of(info, "balance-as-of") == as_of

    overview = client.get(reverse("portal:overview")).content.decode()
    assert text_of(overview, "overview-amount-due") == "100,00 zł"
    assert text_of(overview, "overview-interest") == "1,37 zł"
    assert text_of(overview, "balance-as-of") == as_of

    invoices = client.get(reverse("portal:invoices")).content.decode()
    assert re.search(r"FV/1</a>.*?20,00\xa0zł.*?po terminie", invoices, re.S)
    assert text_of(invoices, "balance-as-of") == as_of

    coming = pushed.invoices.get(invoice__number="FV/2").invoice_id
    detail = client.get(reverse("portal:invoice", args=[coming])).content.decode()
    assert text_of(detail, "invoice-left") == "80,00 zł do zapłaty"
    assert text_of(detail, "balance-as-of") == as_of

    payments = client.get(reverse("portal:payments")).content.decode()
    assert text_of(payments, "amount-due") == "100,00 zł"
    assert text_of(payments, "balance-as-of") == as_of


def test_a_payment_after_the_as_of_date_brings_eboks_own_figures_back(
    client, account, customer, pushed
):
    Payment.objects.create(customer=customer, paid_on=TODAY, amount=10)
    client.force_login(account)
    info = client.get(reverse("portal:info")).content.decode()
    assert text_of(info, "amount-due") == "140,00 zł"  # 180 - 30 - 10
    assert text_of(info, "balance-as-of") == f"Stan na {TODAY:%Y-%m-%d}"
    assert 'id="interest"' not in info
