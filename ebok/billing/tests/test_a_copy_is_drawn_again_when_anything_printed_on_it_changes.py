"""A generated copy opened again is the one drawn before, until anything printed on it changes:
the invoice, a charge, the customer, the utility's settings or the language."""

import pytest
from django.utils import translation

from ebok.billing import pdf
from ebok.billing.models import Invoice
from ebok.billing.tests.test_invoice_pdf import make_invoice
from ebok.testing import make_customer, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def drawings(monkeypatch):
    """The copies drawn, counted while they are still drawn; none kept from other tests."""
    monkeypatch.setattr(pdf, "_kept", pdf.OrderedDict())
    drawn = []
    real = pdf._draw

    def counted(invoice):
        drawn.append(invoice.number)
        return real(invoice)

    monkeypatch.setattr(pdf, "_draw", counted)
    return drawn


def copy_of(invoice_id, language="pl") -> bytes:
    """As a request reads it: the invoice fetched anew, the copy in the customer's language."""
    with translation.override(language):
        return pdf.render_invoice_pdf(Invoice.objects.get(pk=invoice_id))


def test_the_same_copy_again_is_not_drawn_again(drawings):
    invoice = make_invoice(make_customer())

    first = copy_of(invoice.pk)
    again = copy_of(invoice.pk)

    assert again == first
    assert drawings == ["FV/2026/01/0042"]


def test_each_change_to_what_is_printed_draws_a_new_copy(drawings, settings):
    customer = make_customer()
    invoice = make_invoice(customer)
    copy_of(invoice.pk)

    customer.name = "Janina Nowa"
    customer.save()
    assert "Janina Nowa" in pdf_text(copy_of(invoice.pk))

    line = invoice.lines.first()
    line.description = "Woda — korekta odczytu"
    line.save()
    assert "Woda — korekta odczytu" in pdf_text(copy_of(invoice.pk))

    Invoice.objects.filter(pk=invoice.pk).update(due_on="2026-03-31")  # a bulk write, no signal
    assert "2026-03-31" in pdf_text(copy_of(invoice.pk))

    settings.UTILITY_NAME = "Zakład Gospodarki Komunalnej"
    assert "Zakład Gospodarki Komunalnej" in pdf_text(copy_of(invoice.pk))

    settings.PAYMENT_RECIPIENT = "ZGK Węgrów"
    assert "ZGK Węgrów" in pdf_text(copy_of(invoice.pk))

    assert "Copy generated in e-BOK" in pdf_text(copy_of(invoice.pk, "en"))
    assert len(drawings) == 7


def test_a_copy_kept_for_one_customer_is_not_given_for_another_invoice(drawings):
    first = make_invoice(make_customer())
    other = make_invoice(make_customer(number="009999", name="Ewa Obca"), number="FV/2026/01/0043")

    copy_of(first.pk)

    assert "Ewa Obca" in pdf_text(copy_of(other.pk))
    assert len(drawings) == 2
