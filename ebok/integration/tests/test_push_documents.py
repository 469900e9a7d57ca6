"""Documents come as metadata with the PDF in base64; the customer finds them in Dokumenty."""

import base64

import pytest

from ebok.content.models import Document
from ebok.integration.tests import payloads
from ebok.testing import make_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def customer(api):
    assert api.post("/customers", {"customers": [payloads.customer()]}).status_code == 200


def test_a_document_is_stored_and_the_customer_downloads_it(api, client, customer):
    response = api.post("/documents", {"documents": [payloads.document()]})
    assert response.json()["created"] == 1
    document = Document.objects.get()
    assert (document.title, document.kind, document.customer.number) == (
        "Zawiadomienie o zmianie taryfy",
        "letter",
        "001234",
    )
    client.force_login(make_account(document.customer))
    assert "Zawiadomienie o zmianie taryfy" in client.get("/panel/documents/").content.decode()
    served = client.get(f"/panel/documents/{document.pk}/")
    assert b"".join(served.streaming_content) == payloads.PDF


def test_a_document_for_all_customers_has_no_customer(api, customer):
    record = payloads.document(customer=None, kind="tariff", title="Taryfa 2026")
    assert api.post("/documents", {"documents": [record]}).status_code == 200
    assert Document.objects.get().customer is None


def test_the_same_document_twice_is_unchanged(api, customer):
    api.post("/documents", {"documents": [payloads.document()]})
    name = Document.objects.get().file.name
    response = api.post("/documents", {"documents": [payloads.document()]})
    assert response.json()["unchanged"] == 1
    assert Document.objects.get().file.name == name


def test_a_new_file_replaces_the_old_one(api, customer, django_capture_on_commit_callbacks):
    api.post("/documents", {"documents": [payloads.document()]})
    old = Document.objects.get().file
    newer = payloads.PDF + b"% corrected\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/documents", {"documents": [payloads.document(content=newer)]})
    assert response.json()["updated"] == 1
    document = Document.objects.get()
    assert document.file.read() == newer
    assert not document.file.storage.exists(old.name)


def test_a_new_title_keeps_the_file(api, customer):
    api.post("/documents", {"documents": [payloads.document()]})
    name = Document.objects.get().file.name
    response = api.post("/documents", {"documents": [payloads.document(title="Nowy tytuł")]})
    assert response.json()["updated"] == 1
    assert Document.objects.get().file.name == name


@pytest.mark.parametrize(
    ("content_base64", "message"),
    [
        ("not base64!", "Not valid base64."),
        (base64.b64encode(b"MZ\x90\x00 an exe").decode(), "Not a PDF"),
    ],
)
def test_a_file_that_is_no_pdf_is_refused(api, customer, content_base64, message):
    record = {**payloads.document(), "content_base64": content_base64}
    response = api.post("/documents", {"documents": [payloads.document("D-0"), record]})
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert (error["index"], error["field"]) == (1, "content_base64")
    assert error["message"].startswith(message)
    assert not Document.objects.exists()


def test_a_file_name_must_end_in_pdf(api, customer):
    record = payloads.document(filename="../../etc/passwd")
    response = api.post("/documents", {"documents": [record]})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "filename"


def test_a_document_keeps_its_publication_start_when_none_is_sent(api, customer):
    record = payloads.document(published_from="2026-11-01T08:00:00+01:00")
    api.post("/documents", {"documents": [record]})
    del record["published_from"]
    assert api.post("/documents", {"documents": [record]}).json()["unchanged"] == 1
    assert Document.objects.get().published_from.isoformat() == "2026-11-01T07:00:00+00:00"


def test_a_document_whose_publication_ends_before_it_starts_is_refused(api, customer):
    record = payloads.document(
        published_from="2026-11-01T08:00:00+01:00", published_until="2026-10-01T08:00:00+01:00"
    )
    errors = api.post("/documents", {"documents": [record]}).json()["errors"]
    assert [(e["index"], e["field"]) for e in errors] == [(0, "published_until")]
