"""The billing system (or the utility's CRM) pulls what customers wrote, page by page after a
cursor, acknowledges what it took, and pushes answers and status changes, all or nothing."""

import pytest
from django.core import mail
from django.test import Client

from ebok.audit.models import AuditEvent
from ebok.cases.models import Case
from ebok.cases.tests.conftest import file_case, make_invoice, pdf_file
from ebok.integration.tests.conftest import ApiClient, api_token  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


@pytest.fixture
def api(api_token):  # noqa: F811
    return ApiClient(Client(), api_token[1])


@pytest.fixture
def filed(logged_in, customer):
    invoice = make_invoice(customer)
    invoice.external_id = "F-777"
    invoice.save()
    file_case(
        logged_in,
        "invoice_complaint",
        invoice=invoice.pk,
        subject="Za wysoka kwota",
        attachments=[pdf_file()],
    )
    case = Case.objects.get()
    logged_in.post(f"/panel/cases/{case.pk}/", {"body": "Dosyłam zdjęcie."})
    return case


def test_new_cases_and_messages_come_with_what_the_billing_system_knows(api, filed):
    body = api.get("/case-messages").json()
    first, second = body["messages"]
    assert body["has_more"] is False
    assert body["next_cursor"] == second["id"]
    assert first["case_number"] == filed.number
    assert first["first_in_case"] is True
    assert second["first_in_case"] is False
    assert first["case_type"] == "invoice_complaint"
    assert first["invoice_external_id"] == "F-777"
    assert first["customer_number"] == "001234"
    assert first["attachments"] == [
        {
            "name": "skan.pdf",
            "content_type": "application/pdf",
            "size": len(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
        }
    ]
    assert second["body"] == "Dosyłam zdjęcie."


def test_pages_follow_the_cursor_and_acknowledged_messages_are_not_pulled_again(api, filed):
    page = api.get("/case-messages", limit=1).json()
    assert page["has_more"] is True
    [first] = page["messages"]
    rest = api.get("/case-messages", after=page["next_cursor"]).json()["messages"]
    assert [m["body"] for m in rest] == ["Dosyłam zdjęcie."]
    answer = api.post("/case-messages/ack", {"ids": [first["id"], 999999]}).json()
    assert answer == {"acknowledged": 1, "already_acknowledged": 0, "unknown": [999999]}
    again = api.post("/case-messages/ack", {"ids": [first["id"]]}).json()
    assert again["already_acknowledged"] == 1
    assert [m["id"] for m in api.get("/case-messages").json()["messages"]] == [rest[0]["id"]]


def test_office_answers_and_notes_are_not_pulled(api, filed, operator_client):
    from django.urls import reverse

    operator_client.post(reverse("admin:cases_case_note", args=[filed.pk]), {"body": "Notatka"})
    operator_client.post(reverse("admin:cases_case_answer", args=[filed.pk]), {"body": "Odp."})
    bodies = [m["body"] for m in api.get("/case-messages").json()["messages"]]
    assert "Notatka" not in bodies and "Odp." not in bodies


def test_an_answer_pushed_is_mailed_shown_and_audited_with_the_token(api, filed, logged_in):
    mail.outbox.clear()
    response = api.post(
        "/case-updates",
        {
            "updates": [
                {"case_number": filed.number, "answer": "Korekta wystawiona.", "status": "closed"}
            ]
        },
    )
    assert response.status_code == 200
    assert response.json() == {"answered": 1, "status_changed": 1}
    filed.refresh_from_db()
    assert filed.status == Case.Status.CLOSED
    assert [m.subject for m in mail.outbox] == [f"Nowa odpowiedź w sprawie {filed.number}"]
    page = logged_in.get(f"/panel/cases/{filed.pk}/").content.decode()
    assert "Korekta wystawiona." in page
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.CASE_ANSWERED)
    assert event.actor is None
    assert event.detail == f"{filed.number}, by API token billing-test"


def test_a_batch_with_an_unknown_case_changes_nothing(api, filed):
    response = api.post(
        "/case-updates",
        {
            "updates": [
                {"case_number": filed.number, "status": "in_progress"},
                {"case_number": "BOK/2026/999999", "answer": "?"},
                {"case_number": filed.number},
            ]
        },
    )
    assert response.status_code == 422
    fields = [(e["index"], e["field"]) for e in response.json()["errors"]]
    assert fields == [(1, "case_number"), (2, None)]
    filed.refresh_from_db()
    assert filed.status == Case.Status.SUBMITTED


def test_the_case_endpoints_need_a_token(filed):
    anonymous = ApiClient(Client(), None)
    assert anonymous.get("/case-messages").status_code == 401
    assert anonymous.post("/case-messages/ack", {"ids": [1]}).status_code == 401
    assert anonymous.post("/case-updates", {"updates": []}).status_code == 401
