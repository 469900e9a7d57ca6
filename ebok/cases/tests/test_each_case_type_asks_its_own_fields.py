"""Each case type asks what it needs: a reading of the customer's, the contract matter, a bank
account; types staff turned off are not offered, and their form is not found."""

import pytest
from django.urls import reverse

from ebok.cases.models import Case, CaseType, ContractMatter
from ebok.cases.tests.conftest import file_case
from ebok.customers.models import Reading
from ebok.testing import TODAY, make_point_with_meter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def test_a_reading_dispute_names_one_of_the_customers_readings(logged_in, customer):
    _point, meter = make_point_with_meter(customer, serial="WM-123")
    reading = Reading.objects.create(meter=meter, read_on=TODAY, value=321, source="reader")
    form = logged_in.get(reverse("cases:case_file", args=["reading_dispute"])).content.decode()
    assert "WM-123" in form
    file_case(logged_in, "reading_dispute", reading=reading.pk)
    assert Case.objects.get().reading == reading


def test_a_contract_case_asks_what_it_is_about(logged_in):
    refused = file_case(logged_in, "contract")
    assert "Wybierz, czego dotyczy sprawa umowy." in refused.content.decode()
    file_case(logged_in, "contract", contract_matter=ContractMatter.CHANGE_OF_OWNER)
    case = Case.objects.get()
    assert case.contract_matter == "change_of_owner"
    page = logged_in.get(reverse("cases:case", args=[case.pk])).content.decode()
    assert "zmiana właściciela" in page


def test_a_type_without_attachments_has_no_file_field(logged_in):
    page = logged_in.get(reverse("cases:case_file", args=["overpayment_refund"])).content.decode()
    assert 'type="file"' not in page
    assert "Numer rachunku bankowego do zwrotu" in page


def test_a_type_turned_off_is_neither_offered_nor_filed(logged_in):
    CaseType.objects.filter(code="question").update(active=False)
    assert "Pytanie" not in logged_in.get(reverse("cases:case_new")).content.decode()
    assert file_case(logged_in, "question").status_code == 404
    assert Case.objects.count() == 0


def test_the_english_form_speaks_english(logged_in):
    logged_in.cookies["django_language"] = "en"
    page = logged_in.get(reverse("cases:case_new")).content.decode()
    assert "Invoice complaint" in page
    assert "We answer within 14 days." in page
