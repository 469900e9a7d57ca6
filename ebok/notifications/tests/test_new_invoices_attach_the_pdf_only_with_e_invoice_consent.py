"""A new invoice is told once; the PDF is attached when the customer consented to e-invoices,
otherwise the e-mail links to e-BOK."""

import pytest

from ebok.accounts.models import Consent
from ebok.notifications.tests.helpers import make_invoice, run
from ebok.testing import make_customer, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def test_the_pdf_is_attached_for_e_invoice_consent_and_linked_otherwise(
    smtp_server, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    consenting = make_customer()
    Consent.objects.create(
        customer=consenting, customer_number=consenting.number, kind="e_invoice", version="v1"
    )
    other = make_customer(number="005555", name="Anna Nowak", email_address="anna@example.pl")
    make_invoice(consenting, "FV/1/2026", issued_ago=1, due_in=20)
    make_invoice(other, "FV/2/2026", issued_ago=1, due_in=20)
    make_invoice(other, "FV/0/2025", issued_ago=400, due_in=-380, gross="0.00")

    run("--event", "new_invoice")
    run("--event", "new_invoice")

    [with_pdf] = smtp_server.to("jan@example.pl")
    assert with_pdf["Subject"] == "Nowa faktura FV/1/2026"
    [attachment] = list(with_pdf.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    pdf = tmp_path / "fv.pdf"
    pdf.write_bytes(attachment.get_content())
    assert "FV/1/2026" in pdf_text(pdf)
    [with_link] = smtp_server.to("anna@example.pl")
    assert list(with_link.iter_attachments()) == []
    assert "http://testserver/panel/" in smtp_server.body(with_link)
