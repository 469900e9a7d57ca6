"""The office's queue: filters, deadline flags, assign, answer from a template, internal
notes, status changes; each action audited, the customer e-mailed of answers and statuses."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.backoffice.tests.conftest import make_staff
from ebok.cases.models import AnswerTemplate, Case
from ebok.cases.tests.conftest import file_case
from ebok.testing import TODAY, log_in_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

QUEUE = reverse("admin:cases_case_changelist")


@pytest.fixture
def case(logged_in):
    file_case(logged_in, "question", subject="Godziny otwarcia")
    return Case.objects.get()


def action(name, case):
    return reverse(f"admin:cases_case_{name}", args=[case.pk])


def test_the_queue_flags_overdue_and_due_soon_cases_and_filters_them(
    operator_client, case, logged_in
):
    file_case(logged_in, "meter_problem", subject="Zamarznięty licznik")
    soon = Case.objects.get(subject="Zamarznięty licznik")
    Case.objects.filter(pk=case.pk).update(due_on=TODAY - dt.timedelta(days=1))
    Case.objects.filter(pk=soon.pk).update(due_on=TODAY + dt.timedelta(days=2))
    page = operator_client.get(QUEUE).content.decode()
    assert "<h1>Kolejka spraw</h1>" in page
    assert "Wybierz sprawa" not in page
    assert "case-overdue" in page
    assert "case-due-soon" in page
    overdue = operator_client.get(QUEUE, {"deadline": "overdue"}).content.decode()
    assert "Godziny otwarcia" in overdue
    assert "Zamarznięty licznik" not in overdue
    by_type = operator_client.get(QUEUE, {"type__id__exact": soon.type_id}).content.decode()
    assert "Zamarznięty licznik" in by_type
    assert "Godziny otwarcia" not in by_type


def test_closed_cases_leave_the_queue_but_can_be_listed(operator_client, case):
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED)
    assert "Godziny otwarcia" not in operator_client.get(QUEUE).content.decode()
    assert "Godziny otwarcia" in operator_client.get(QUEUE, {"open": "closed"}).content.decode()


def test_an_answer_from_a_template_is_mailed_and_audited(
    operator_client, operator, case, smtp_server, customer
):
    template = AnswerTemplate.objects.create(
        title="Godziny", body="Biuro jest czynne od 7:00 do 15:00."
    )
    page = operator_client.get(
        reverse("admin:cases_case_change", args=[case.pk]), {"template": template.pk}
    ).content.decode()
    assert "Biuro jest czynne od 7:00 do 15:00." in page

    response = operator_client.post(
        action("answer", case),
        {"body": "Biuro jest czynne od 7:00 do 15:00.", "status": Case.Status.CLOSED},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED
    assert case.closed_at is not None
    kinds = set(AuditEvent.objects.filter(actor=operator).values_list("kind", flat=True))
    assert kinds == {AuditEvent.Kind.CASE_ANSWERED, AuditEvent.Kind.CASE_STATUS_CHANGED}
    [mail] = smtp_server.to(customer.email)
    assert mail["Subject"] == f"Nowa odpowiedź w sprawie {case.number}"
    body = smtp_server.body(mail)
    assert reverse("cases:case", args=[case.pk]) in body
    assert "Biuro jest czynne" not in body  # the answer itself stays in the portal


def test_the_customer_reads_the_answer_and_the_new_status(operator_client, case, logged_in):
    operator_client.post(
        action("answer", case), {"body": "Prosimy o zdjęcie licznika.", "status": "waiting"}
    )
    page = logged_in.get(reverse("cases:case", args=[case.pk])).content.decode()
    assert "Prosimy o zdjęcie licznika." in page
    assert "Biuro Obsługi Klienta" in page
    assert "czeka na klienta" in page


def test_a_status_change_alone_is_mailed(operator_client, case, smtp_server, customer):
    operator_client.post(action("status", case), {"status": Case.Status.IN_PROGRESS})
    [mail] = smtp_server.to(customer.email)
    assert mail["Subject"] == f"Sprawa {case.number} ma nowy status"
    assert "ma teraz status: w realizacji." in smtp_server.body(mail)


def test_an_internal_note_is_audited_and_not_mailed(operator_client, operator, case, logged_in):
    operator_client.post(action("note", case), {"body": "Klient prosi o telefon po 16:00."})
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.CASE_NOTE_ADDED, actor=operator).exists()
    page = logged_in.get(reverse("cases:case", args=[case.pk])).content.decode()
    assert "Klient prosi o telefon po 16:00." not in page
    office = operator_client.get(reverse("admin:cases_case_change", args=[case.pk]))
    assert "Klient prosi o telefon po 16:00." in office.content.decode()


def test_assigning_is_audited_and_the_queue_filters_by_assignee(operator_client, operator, case):
    operator_client.post(action("assign", case), {"assignee": operator.pk})
    case.refresh_from_db()
    assert case.assignee == operator
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.CASE_ASSIGNED)
    assert event.detail == f"{case.number}: operator"
    mine = operator_client.get(QUEUE, {"assignee__id__exact": operator.pk}).content.decode()
    assert "Godziny otwarcia" in mine


def test_an_empty_answer_keeps_nothing_and_shows_the_form_again(operator_client, case):
    response = operator_client.post(action("answer", case), {"body": " ", "status": "waiting"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Nic nie zostało zapisane." in page
    case.refresh_from_db()
    assert case.status == Case.Status.SUBMITTED
    assert case.messages.count() == 1
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.CASE_ANSWERED).exists()


def test_the_filing_cannot_be_edited_nor_deleted_nor_a_case_added(operator_client, case):
    assert operator_client.get(reverse("admin:cases_case_add")).status_code == 403
    assert (
        operator_client.get(reverse("admin:cases_case_delete", args=[case.pk])).status_code == 403
    )
    operator_client.post(
        reverse("admin:cases_case_change", args=[case.pk]), {"subject": "Zmieniony temat"}
    )
    case.refresh_from_db()
    assert case.subject == "Godziny otwarcia"


# The permission walk of the case URLs: anonymous, customer, staff without the permission,
# staff who may only view, and the operator.
def every_case_url(case) -> list[tuple[str, bool]]:
    """(url, whether it changes something)"""
    attachment = case.messages.get().attachments.first()
    urls = [(QUEUE, False), (reverse("admin:cases_case_change", args=[case.pk]), False)]
    urls += [(action(name, case), True) for name in ["assign", "answer", "note", "status"]]
    if attachment:
        urls.append((reverse("admin:cases_case_attachment", args=[case.pk, attachment.pk]), False))
    return urls


@pytest.fixture
def case_with_file(logged_in):
    from ebok.cases.tests.conftest import pdf_file

    file_case(logged_in, "question", subject="Z plikiem", attachments=[pdf_file()])
    return Case.objects.get()


def test_anonymous_visitors_and_customers_are_sent_to_the_office_login(case_with_file, account):
    anonymous, customer = Client(), Client()
    customer.force_login(account)
    for visitor in [anonymous, customer]:
        for url, changes in every_case_url(case_with_file):
            response = visitor.post(url, {"body": "x"}) if changes else visitor.get(url)
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("admin:login")), url


def test_staff_without_the_permission_are_refused(case_with_file, roles):
    client = log_in_staff(Client(), make_staff("newcomer"))
    for url, changes in every_case_url(case_with_file):
        response = (
            client.post(url, {"body": "x", "status": "closed"}) if changes else client.get(url)
        )
        assert response.status_code == 403, url
    assert case_with_file.messages.count() == 1


def test_staff_who_may_only_view_cases_read_them_but_act_on_none(case_with_file, roles):
    reader = make_staff("reader")
    reader.user_permissions.set(Permission.objects.filter(codename="view_case"))
    client = log_in_staff(Client(), reader)
    for url, changes in every_case_url(case_with_file):
        if changes:
            assert client.post(url, {"body": "x", "status": "closed"}).status_code == 403, url
        else:
            assert client.get(url).status_code == 200, url
    case_with_file.refresh_from_db()
    assert case_with_file.status == Case.Status.SUBMITTED
    assert not AuditEvent.objects.filter(actor=reader).exists()


def test_operators_handle_cases_but_only_administrators_configure_types(
    operator_client, case_with_file, administrator
):
    for url, changes in every_case_url(case_with_file):
        if not changes:
            assert operator_client.get(url).status_code == 200, url
    assert operator_client.get(reverse("admin:cases_casetype_add")).status_code == 403
    type_page = reverse("admin:cases_casetype_change", args=[case_with_file.type_id])
    response = operator_client.post(type_page, {"name_pl": "Zmienione"})
    assert response.status_code == 403
    admin_client = log_in_staff(Client(), administrator)
    assert admin_client.get(reverse("admin:cases_casetype_add")).status_code == 200
    assert admin_client.get(reverse("admin:cases_answertemplate_add")).status_code == 200
