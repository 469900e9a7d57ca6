"""The billing system withdraws an invoice, a payment or a document: it leaves the portal."""

import pytest

from ebok.billing.models import Invoice, InvoiceLine, Payment
from ebok.content.models import Document
from ebok.integration.tests import payloads
from ebok.testing import make_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def pushed(api):
    assert api.post("/batch", payloads.everything()).status_code == 200
    assert api.post("/documents", {"documents": [payloads.document()]}).status_code == 200
    assert api.put("/invoices/F-1/pdf", payloads.PDF).status_code == 200


def test_a_cancelled_invoice_disappears_from_the_portal(api, client, pushed):
    customer = Invoice.objects.get().customer
    client.force_login(make_account(customer))
    assert "FV/2026/11/000001" in client.get("/panel/invoices/").content.decode()

    assert api.delete("/invoices/F-1").status_code == 204
    assert not Invoice.objects.exists()
    assert not InvoiceLine.objects.exists()
    assert "FV/2026/11/000001" not in client.get("/panel/invoices/").content.decode()


def test_the_pdf_of_a_cancelled_invoice_is_deleted(api, pushed, django_capture_on_commit_callbacks):
    pdf = Invoice.objects.get().pdf
    with django_capture_on_commit_callbacks(execute=True):
        api.delete("/invoices/F-1")
    assert not pdf.storage.exists(pdf.name)


def test_a_withdrawn_payment_is_gone(api, pushed):
    assert api.delete("/payments/W-1").status_code == 204
    assert not Payment.objects.exists()


def test_a_withdrawn_document_is_gone_with_its_file(
    api, pushed, django_capture_on_commit_callbacks
):
    file = Document.objects.get().file
    with django_capture_on_commit_callbacks(execute=True):
        assert api.delete("/documents/D-1").status_code == 204
    assert not Document.objects.exists()
    assert not file.storage.exists(file.name)


@pytest.mark.parametrize("path", ["/invoices/F-404", "/payments/W-404", "/documents/D-404"])
def test_withdrawing_what_eBOK_does_not_have_is_404(api, pushed, path):
    response = api.delete(path)
    assert response.status_code == 404
    assert "404" in response.json()["detail"]


def test_withdrawing_twice_answers_404_the_second_time(api, pushed):
    assert api.delete("/payments/W-1").status_code == 204
    assert api.delete("/payments/W-1").status_code == 404


def test_a_withdrawn_invoice_sent_again_is_created_again(api, pushed):
    api.delete("/invoices/F-1")
    response = api.post("/invoices", {"invoices": [payloads.invoice()]})
    assert response.json()["created"] == 1


def test_a_malformed_external_id_is_422(api, pushed):
    assert api.delete("/payments/.hidden").status_code == 422
