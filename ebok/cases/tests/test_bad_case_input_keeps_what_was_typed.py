"""Bad input on a new case or a reply: a clear message, what was typed kept, nothing saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ebok.cases.models import Attachment, Case, CaseCounter, Message
from ebok.cases.tests.conftest import file_case, make_invoice, pdf_file
from ebok.customers.models import Reading
from ebok.testing import TODAY, make_point_with_meter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

TYPED = "Faktura liczy 30 m³, a zużyłem 12 m³."


def nothing_saved():
    assert Case.objects.count() == 0
    assert Message.objects.count() == 0
    assert Attachment.objects.count() == 0
    # The year's counter did not move: the next case still gets number 1.
    assert not CaseCounter.objects.filter(last__gt=0).exists()


def test_an_empty_message_is_refused_and_the_subject_kept(logged_in):
    response = file_case(logged_in, "question", subject="Godziny otwarcia", body="   ")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Wpisz treść wiadomości: nie może być pusta." in page
    assert 'value="Godziny otwarcia"' in page
    nothing_saved()


def test_an_invoice_of_another_customer_is_refused(logged_in, customer, stranger):
    theirs = make_invoice(stranger, number="FV/OBCA/1")
    make_invoice(customer)
    response = file_case(logged_in, "invoice_complaint", invoice=theirs.pk, body=TYPED)
    page = response.content.decode()
    assert "Wybierz jedną ze swoich faktur z listy." in page
    assert TYPED in page
    assert "FV/OBCA/1" not in page
    nothing_saved()


def test_a_reading_of_another_customer_is_refused(logged_in, customer, stranger):
    _point, meter = make_point_with_meter(stranger, serial="OBCY-1")
    theirs = Reading.objects.create(meter=meter, read_on=TODAY, value=5, source="reader")
    response = file_case(logged_in, "reading_dispute", reading=theirs.pk, body=TYPED)
    assert "Wybierz jeden ze swoich odczytów z listy." in response.content.decode()
    nothing_saved()


def test_a_fake_pdf_is_refused_and_the_files_are_asked_for_again(logged_in, customer):
    invoice = make_invoice(customer)
    fake = SimpleUploadedFile("faktura.pdf", b"MZ\x90\x00 not a pdf at all")
    response = file_case(
        logged_in, "invoice_complaint", invoice=invoice.pk, body=TYPED, attachments=[fake]
    )
    page = response.content.decode()
    assert "Plik faktura.pdf nie jest plikiem PDF, JPEG ani PNG" in page
    assert "Popraw formularz i wybierz pliki ponownie." in page
    assert TYPED in page
    nothing_saved()


def test_a_file_over_the_limit_is_refused(logged_in, customer, settings):
    settings.CASE_ATTACHMENT_MAX_MB = 1
    big = pdf_file("duzy.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 1))
    response = file_case(logged_in, "question", body=TYPED, attachments=[big])
    assert "Plik duzy.pdf jest za duży (1,1 MB); dozwolone jest najwyżej 1 MB." in (
        response.content.decode()
    )
    nothing_saved()


def test_a_fake_image_is_refused(logged_in):
    # A JPEG's first bytes, then nothing Pillow can decode.
    fake = SimpleUploadedFile("licznik.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    response = file_case(logged_in, "meter_problem", body=TYPED, attachments=[fake])
    assert "Plik licznik.jpg nie jest plikiem PDF, JPEG ani PNG" in response.content.decode()
    nothing_saved()


def test_a_refund_to_an_account_with_wrong_check_digits_is_refused(logged_in):
    typed = "61 1090 1014 0000 0712 1981 2875"  # the last digit changed
    response = file_case(logged_in, "overpayment_refund", bank_account=typed, body=TYPED)
    page = response.content.decode()
    assert "To nie jest poprawny numer polskiego rachunku: sprawdź jego 26 cyfr." in page
    assert f'value="{typed}"' in page
    nothing_saved()


def test_a_refund_to_a_valid_account_is_filed_with_its_digits(logged_in):
    file_case(logged_in, "overpayment_refund", bank_account="PL61 1090 1014 0000 0712 1981 2874")
    assert Case.objects.get().bank_account == "61109010140000071219812874"


def test_an_empty_reply_is_refused(logged_in):
    file_case(logged_in, "question")
    case = Case.objects.get()
    response = logged_in.post(reverse("cases:case", args=[case.pk]), {"body": ""})
    assert "Wpisz treść wiadomości: nie może być pusta." in response.content.decode()
    assert case.messages.count() == 1
