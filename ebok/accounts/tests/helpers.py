"""Helpers for the registration tests: invoices, the terms document, the form's data."""

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from ebok.billing.models import Invoice
from ebok.content.models import Document

INVOICE_NUMBER = "FV/2026/11/000123"
TERMS_PDF = b"%PDF-1.4\n% Regulamin e-BOK\n"


def make_invoice(customer, number=INVOICE_NUMBER, gross="60.00", issued_on=None, **extra):
    """An invoice as the billing system issues it: by default last week, 60,00 zł gross."""
    issued_on = issued_on or timezone.localdate() - dt.timedelta(days=7)
    gross = Decimal(gross)
    net = (gross / Decimal("1.08")).quantize(Decimal("0.01"))
    return Invoice.objects.create(
        customer=customer,
        number=number,
        issued_on=issued_on,
        due_on=issued_on + dt.timedelta(days=14),
        net=net,
        vat=gross - net,
        gross=gross,
        **extra,
    )


def make_terms(date=dt.date(2026, 1, 1), content=TERMS_PDF, **extra):
    """The general terms of service (for all customers), published now."""
    fields = {"kind": Document.Kind.TERMS, "title": "Regulamin e-BOK", "customer": None}
    document = Document(date=date, **(fields | extra))
    document.file.save("regulamin.pdf", ContentFile(content), save=True)
    return document


def form_data(
    number="001234",
    invoice=INVOICE_NUMBER,
    gross="60,00",
    email="jan@example.pl",
    accept_terms=True,
    e_invoice=False,
):
    data = {"customer_number": number, "invoice_number": invoice, "gross": gross, "email": email}
    if accept_terms:
        data["accept_terms"] = "on"
    if e_invoice:
        data["e_invoice"] = "on"
    return data
