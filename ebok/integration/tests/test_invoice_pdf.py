"""The billing system uploads an invoice's original PDF; the portal then serves it."""

import pytest

from ebok.billing.models import Invoice
from ebok.integration.tests import payloads
from ebok.testing import make_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def invoice(api):
    batch = payloads.everything()
    assert api.post("/batch", batch).status_code == 200
    return Invoice.objects.get()


def test_a_pdf_is_stored_and_served_to_the_customer(api, client, invoice):
    response = api.put("/invoices/F-1/pdf", payloads.PDF)
    assert response.status_code == 200
    assert response.json() == {"created": 1, "updated": 0, "unchanged": 0}
    invoice.refresh_from_db()
    assert invoice.pdf.name.endswith(".pdf")

    client.force_login(make_account(invoice.customer))
    served = client.get(f"/panel/invoices/{invoice.pk}/pdf/")
    assert b"".join(served.streaming_content) == payloads.PDF


def test_the_same_pdf_twice_is_unchanged_and_a_new_one_replaces_the_file(
    api, invoice, django_capture_on_commit_callbacks
):
    api.put("/invoices/F-1/pdf", payloads.PDF)
    invoice.refresh_from_db()
    first = invoice.pdf.name
    assert api.put("/invoices/F-1/pdf", payloads.PDF).json()["unchanged"] == 1

    newer = payloads.PDF.replace(b"%%EOF", b"% second edition\n%%EOF")
    with django_capture_on_commit_callbacks(execute=True):
        assert api.put("/invoices/F-1/pdf", newer).json()["updated"] == 1
    invoice.refresh_from_db()
    assert invoice.pdf.read() == newer
    assert not invoice.pdf.storage.exists(first)


def test_a_body_that_is_no_pdf_is_refused(api, invoice):
    response = api.put("/invoices/F-1/pdf", b"<html>not a pdf</html>")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body"
    invoice.refresh_from_db()
    assert not invoice.pdf


def test_a_pdf_for_an_unknown_invoice_is_404(api, invoice):
    response = api.put("/invoices/F-404/pdf", payloads.PDF)
    assert response.status_code == 404
    assert "F-404" in response.json()["detail"]


def test_a_pdf_larger_than_the_limit_is_refused_with_413(api, invoice, settings):
    settings.API_MAX_BODY_BYTES = 1000
    response = api.put("/invoices/F-1/pdf", payloads.PDF + b"0" * 1000)
    assert response.status_code == 413
    assert "API_MAX_BODY_BYTES" in response.json()["detail"]


def test_a_pdf_larger_than_djangos_form_limit_is_accepted(api, invoice, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    content = payloads.PDF + b"%" + b"0" * 5000 + b"\n"
    assert api.put("/invoices/F-1/pdf", content).status_code == 200
    invoice.refresh_from_db()
    assert invoice.pdf.read() == content
