"""Every customer case URL with another customer's ids: 404. A viewer of the number reads its
cases but files and writes nothing; an owner does both. Internal notes stay in the office."""

import pytest
from django.test import Client
from django.urls import reverse

from ebok.accounts.models import Membership
from ebok.cases.models import Attachment, Case, Message
from ebok.cases.tests.conftest import file_case, pdf_file
from ebok.cases.urls import urlpatterns
from ebok.testing import make_account, make_customer

pytestmark = pytest.mark.django_db


@pytest.fixture
def strangers_case(stranger, media, case_types):
    theirs = Client()
    theirs.force_login(stranger.account)
    response = file_case(
        theirs, "question", subject="Sprawa Ewy", attachments=[pdf_file("ewy.pdf")]
    )
    assert response.status_code == 302
    case = Case.objects.get(customer=stranger)
    return case, Attachment.objects.get(message__case=case)


def test_every_case_url_with_an_id_is_covered():
    with_ids = sorted(p.name for p in urlpatterns if "<int:pk>" in str(p.pattern))
    assert with_ids == ["case", "case_attachment"]


def test_a_stranger_gets_404_for_another_customers_case(logged_in, strangers_case):
    case, attachment = strangers_case
    detail = reverse("cases:case", args=[case.pk])
    download = reverse("cases:case_attachment", args=[case.pk, attachment.pk])
    assert logged_in.get(detail).status_code == 404
    assert logged_in.post(detail, {"body": "Wtrącam się"}).status_code == 404
    assert logged_in.get(download).status_code == 404
    assert "Sprawa Ewy" not in logged_in.get(reverse("cases:cases")).content.decode()
    assert case.messages.count() == 1


def test_an_attachment_is_reached_only_through_its_own_case(logged_in, strangers_case):
    _case, attachment = strangers_case
    file_case(logged_in, "question")
    mine = Case.objects.get(customer__number="001234")
    url = reverse("cases:case_attachment", args=[mine.pk, attachment.pk])
    assert logged_in.get(url).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client, strangers_case):
    case, attachment = strangers_case
    for url in [
        reverse("cases:cases"),
        reverse("cases:case_new"),
        reverse("cases:case_file", args=["question"]),
        reverse("cases:case", args=[case.pk]),
        reverse("cases:case_attachment", args=[case.pk, attachment.pk]),
    ]:
        assert client.get(url).url.startswith(reverse("accounts:login")), url


def test_an_office_note_and_its_file_stay_out_of_the_customers_sight(logged_in, customer):
    file_case(logged_in, "question")
    case = Case.objects.get()
    note = Message.objects.create(case=case, body="Klient dzwonił trzy razy.", internal=True)
    hidden = Attachment.objects.create(
        message=note, file="cases/x.pdf", name="notatka.pdf", content_type="application/pdf", size=1
    )
    page = logged_in.get(reverse("cases:case", args=[case.pk])).content.decode()
    assert "Klient dzwonił trzy razy." not in page
    url = reverse("cases:case_attachment", args=[case.pk, hidden.pk])
    assert logged_in.get(url).status_code == 404


@pytest.fixture
def viewer(client, customer, media, case_types):
    login = make_account(make_customer(number="007777", name="Najemca"))
    Membership.objects.create(user=login, customer=customer, role=Membership.Role.VIEWER)
    return login


def test_a_viewer_reads_the_cases_but_files_and_writes_nothing(client, logged_in, viewer, customer):
    file_case(logged_in, "question", subject="Pytanie właściciela")
    case = Case.objects.get()
    client.force_login(viewer)
    session = client.session
    session["customer_number"] = customer.number
    session.save()
    listing = client.get(reverse("cases:cases")).content.decode()
    assert "Pytanie właściciela" in listing
    assert "Sprawy składa i prowadzi tylko właściciel numeru klienta" in listing
    assert reverse("cases:case_new") not in listing
    page = client.get(reverse("cases:case", args=[case.pk])).content.decode()
    assert "Napisz do Biura Obsługi Klienta" not in page
    assert client.get(reverse("cases:case_new")).status_code == 403
    assert file_case(client, "question").status_code == 403
    response = client.post(reverse("cases:case", args=[case.pk]), {"body": "Ja też"})
    assert response.status_code == 403
    assert Case.objects.count() == 1
    assert case.messages.count() == 1
