"""Documents uploaded in the admin: PDF only (by name and by content), at most DOCUMENT_MAX_MB."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ebok.content.models import Document

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% Taryfa\n%%EOF\n"
ADD = reverse("admin:content_document_add")


def upload(client, name, content, customer=None):
    data = {
        "kind": "tariff",
        "title": "Taryfa 2026",
        "date": "2026-01-01",
        "file": SimpleUploadedFile(name, content, content_type="application/pdf"),
        "customer": customer.pk if customer else "",
        "published_from_0": "2026-01-01",
        "published_from_1": "00:00:00",
        "published_until_0": "",
        "published_until_1": "",
        "external_id": "",
    }
    return client.post(ADD, data)


def errors_of(response) -> str:
    assert response.status_code == 200, "the form was accepted"
    return " ".join(response.context["adminform"].form.errors["file"])


def test_a_pdf_for_all_customers_is_accepted(operator_client, media):
    response = upload(operator_client, "taryfa.pdf", PDF)

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.customer is None
    assert document.file.read() == PDF


def test_a_pdf_for_one_customer_is_accepted(operator_client, customer, media):
    assert upload(operator_client, "umowa.PDF", PDF, customer=customer).status_code == 302
    assert Document.objects.get().customer == customer


def test_a_file_not_named_pdf_is_refused(operator_client, media):
    response = upload(operator_client, "taryfa.docx", PDF)
    assert "Można dodać tylko plik PDF: nazwa pliku musi kończyć się na .pdf." in errors_of(
        response
    )
    assert not Document.objects.exists()


def test_a_file_named_pdf_that_is_not_one_is_refused(operator_client, media):
    response = upload(operator_client, "taryfa.pdf", b"PK\x03\x04 a zip archive")
    assert "Ten plik nie jest dokumentem PDF" in errors_of(response)
    assert not Document.objects.exists()


def test_a_file_over_the_size_limit_is_refused(operator_client, media, settings):
    settings.DOCUMENT_MAX_MB = 1
    response = upload(operator_client, "taryfa.pdf", PDF + b"0" * 1024 * 1024)
    assert "Plik jest za duży (1,1 MB); dopuszczalny rozmiar to 1 MB." in errors_of(response)
    assert not Document.objects.exists()


def test_a_file_at_the_size_limit_is_accepted(operator_client, media, settings):
    settings.DOCUMENT_MAX_MB = 1
    content = PDF + b"0" * (1024 * 1024 - len(PDF))
    assert upload(operator_client, "taryfa.pdf", content).status_code == 302


def test_the_form_says_what_may_be_uploaded(operator_client):
    page = operator_client.get(ADD).content.decode()
    assert "Plik PDF o rozmiarze najwyżej 10 MB." in page
    assert 'accept="application/pdf,.pdf"' in page


def test_editing_a_document_keeps_its_file_without_reading_it_again(operator_client, media):
    upload(operator_client, "taryfa.pdf", PDF)
    document = Document.objects.get()
    url = reverse("admin:content_document_change", args=[document.pk])
    data = {
        "kind": "tariff",
        "title": "Taryfa 2026 (poprawiona)",
        "date": "2026-01-01",
        "customer": "",
        "published_from_0": "2026-01-01",
        "published_from_1": "00:00:00",
        "published_until_0": "",
        "published_until_1": "",
        "external_id": "",
    }
    assert operator_client.post(url, data).status_code == 302
    document.refresh_from_db()
    assert document.title == "Taryfa 2026 (poprawiona)"
    assert document.file.read() == PDF
