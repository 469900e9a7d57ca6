"""The home page's latest invoice and the invoice list's counts by year are read by queries
written in SQL (billing/invoice_rows.py, through the customer scope): they read what the ORM
reads, field by field and type by type, and only the customer's own invoices."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db.models import Count
from django.db.models.functions import ExtractYear

from ebok.billing.models import Invoice
from ebok.portal.scope import CustomerScope
from ebok.testing import make_customer, make_history

pytestmark = pytest.mark.django_db


def fields(instance) -> dict:
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.fields}


@pytest.fixture
def invoices(customer):
    make_history(customer, years=3, start_year=2023)
    # Two issued on the newest day: the later id is the latest. KSeF's fields filled in.
    newest = date(2026, 11, 30)
    for number in ("FV/2026/11/A", "FV/2026/11/B"):
        Invoice.objects.create(
            customer=customer,
            number=number,
            issued_on=newest,
            due_on=newest + timedelta(days=14),
            net=Decimal("-10.00"),
            vat=Decimal("-0.80"),
            gross=Decimal("-10.80"),
            kind=Invoice.Kind.CORRECTION,
            ksef_number="5250007313-20261130-0123456789AB-CD",
            ksef_mode="online",
        )
    stranger = make_customer(number="000777", name="Obcy", email_address="o@example.pl")
    make_history(stranger, years=1, start_year=2027, serial="WM-OBCY")
    return customer, stranger


def test_the_latest_invoice_is_the_orms_first(invoices):
    customer, _stranger = invoices
    ours = CustomerScope(customer).latest_invoice()
    orms = customer.invoices.first()
    assert ours.number == "FV/2026/11/B"
    assert fields(ours) == fields(orms)
    assert {k: type(v) for k, v in fields(ours).items()} == {
        k: type(v) for k, v in fields(orms).items()
    }
    assert ours._state.adding is False


def test_a_customer_without_invoices_has_no_latest(db):
    assert CustomerScope(make_customer(number="000555")).latest_invoice() is None


def test_the_counts_by_year_are_the_orms_newest_year_first(invoices):
    customer, _stranger = invoices
    counts = CustomerScope(customer).invoice_counts_by_year()
    orms = (
        customer.invoices.order_by()
        .values(year=ExtractYear("issued_on"))
        .annotate(count=Count("pk"))
        .order_by("-year")
    )
    assert counts == {row["year"]: row["count"] for row in orms}
    # Six bi-monthly invoices a year in 2023-2025, the two corrections in 2026; 2027 has only
    # the stranger's.
    assert list(counts.items()) == [(2026, 2), (2025, 6), (2024, 6), (2023, 6)]
