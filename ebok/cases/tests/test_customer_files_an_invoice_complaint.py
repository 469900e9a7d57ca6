"""A customer files an invoice complaint with a PDF: the case has a number, a deadline and a
timeline, the office's answer is e-mailed, and the customer writes back."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.cases.models import Case
from ebok.cases.tests.conftest import PDF, file_case, make_invoice, pdf_file
from ebok.portal.tabs import TABS
from ebok.testing import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def test_the_cases_tab_comes_after_documents_and_keeps_the_six_in_their_order(logged_in):
    page = logged_in.get(reverse("cases:cases")).content.decode()
    labels = [str(label) for _url, label, _pages in TABS]
    assert labels[4:6] == ["Dokumenty", "Sprawy"]
    positions = [page.index(f">{label}</a>") for label in labels]
    assert positions == sorted(positions)
    assert 'aria-current="page">Sprawy</a>' in page
    assert "Nie masz jeszcze żadnych spraw." in page


def test_new_case_offers_the_configured_types_with_their_deadlines(logged_in):
    page = logged_in.get(reverse("cases:case_new")).content.decode()
    for name in [
        "Reklamacja faktury",
        "Reklamacja odczytu",
        "Zwrot nadpłaty",
        "Zmiana danych klienta",
        "Umowa",
        "Problem z licznikiem",
        "Pytanie",
    ]:
        assert name in page
    assert "Odpowiadamy w ciągu 14 dni." in page


def test_customer_files_an_invoice_complaint_with_a_pdf(logged_in, customer):
    invoice = make_invoice(customer)
    response = file_case(
        logged_in, "invoice_complaint", invoice=invoice.pk, attachments=[pdf_file()]
    )
    case = Case.objects.get()
    assert response.url == reverse("cases:case", args=[case.pk])
    assert re.fullmatch(r"BOK/2026/\d{6}", case.number)
    assert case.number.endswith("000001")
    assert case.invoice == invoice
    assert case.due_on == TODAY.replace(day=TODAY.day) + (case.due_on - TODAY)
    assert (case.due_on - TODAY).days == 14
    attachment = case.messages.get().attachments.get()
    assert attachment.content_type == "application/pdf"
    assert attachment.name == "skan.pdf"
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.CASE_FILED, customer=customer).exists()

    page = logged_in.get(response.url).content.decode()
    assert f"Zgłoszono sprawę o numerze {case.number}." in page
    assert "złożona" in page
    assert "Termin odpowiedzi" in page
    assert invoice.number in page
    assert "Faktura liczy 30 m³, a zużyłem 12 m³." in page
    download = logged_in.get(reverse("cases:case_attachment", args=[case.pk, attachment.pk]))
    assert b"".join(download.streaming_content) == PDF

    listing = logged_in.get(reverse("cases:cases")).content.decode()
    assert case.number in listing
    assert "Za wysoka kwota" in listing


def test_the_customer_writes_back_and_a_waiting_case_returns_to_the_office(logged_in, customer):
    file_case(logged_in, "question")
    case = Case.objects.get()
    case.status = Case.Status.WAITING
    case.save()
    url = reverse("cases:case", args=[case.pk])
    response = logged_in.post(url, {"body": "Przesyłam brakujące dane."})
    assert response.url == url
    case.refresh_from_db()
    assert case.status == Case.Status.IN_PROGRESS
    assert case.messages.count() == 2
    assert mail.outbox == []  # the customer is not told of their own message
