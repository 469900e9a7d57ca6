"""The written rows name a reading's source, a payment's method and an invoice's kind as the
model's get_FOO_display does, in Polish and in English, escaped; a value the billing system
sent without a choice for it is shown as it came."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.html import escape

from ebok.billing.balance import InvoiceState
from ebok.billing.models import Invoice, Payment
from ebok.customers.models import Reading
from ebok.portal.tables import invoice_rows, payment_rows, reading_rows

pytestmark = pytest.mark.django_db


def readings(values):
    found = []
    for source in values:
        reading = Reading(pk=1, read_on=date(2026, 11, 1), value=Decimal("1"), source=source)
        reading.consumption = None
        found.append(reading)
    return found


@pytest.mark.parametrize("language", ["pl", "en"])
def test_each_choice_is_named_as_get_display_names_it(language):
    sources = [value for value, _label in Reading.Source.choices] + ["<legacy>"]
    methods = [value for value, _label in Payment.Method.choices] + ["<bank>"]
    kinds = [value for value, _label in Invoice.Kind.choices if value != "invoice"] + ["<x>"]
    with translation.override(language):
        written = str(reading_rows(readings(sources)))
        for reading in readings(sources):
            assert f"{escape(reading.get_source_display())}</td>" in written
        payments = [
            Payment(paid_on=date(2026, 11, 1), amount=Decimal("1.00"), method=m) for m in methods
        ]
        written = str(payment_rows(payments))
        for payment in payments:
            assert f">{escape(payment.get_method_display())}</td>" in written
        invoices = [
            Invoice(
                pk=n,
                number=f"K/{n}",
                kind=kind,
                issued_on=date(2026, 11, 1),
                due_on=date(2026, 11, 15),
                gross=Decimal("1.00"),
            )
            for n, kind in enumerate(kinds, start=1)
        ]
        state = InvoiceState(left_to_pay=Decimal("0.00"), status="paid")
        written = str(invoice_rows([(invoice, state) for invoice in invoices]))
        for invoice in invoices:
            assert f'<span class="kind">({escape(invoice.get_kind_display())})</span>' in written
    assert "&lt;legacy&gt;</td>" in str(reading_rows(readings(["<legacy>"])))
