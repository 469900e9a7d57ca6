"""The customer's page in the office shows what a clerk needs on the phone: balance and what
is overdue, the last invoices and payments, meters with their last reading, open cases,
consents and logins, with links to the full lists filtered to this customer."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from ebok.accounts.models import Consent
from ebok.backoffice.tests.conftest import make_staff
from ebok.billing.formatting import money
from ebok.billing.models import Invoice, Payment
from ebok.cases.models import Case, CaseType
from ebok.cases.services import Filing, file_case
from ebok.customers.models import Reading
from ebok.testing import TODAY, log_in_staff, make_point_with_meter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def invoice(customer, number, due_days_ago, gross):
    due = TODAY - dt.timedelta(days=due_days_ago)
    return Invoice.objects.create(
        customer=customer,
        number=number,
        issued_on=due - dt.timedelta(days=14),
        due_on=due,
        net=Decimal(gross),
        vat=0,
        gross=Decimal(gross),
    )


class FakeRequest:
    META = {}

    def __init__(self, customer):
        self.customer = customer
        self.user = customer.account


@pytest.fixture
def history(account, customer, stranger):
    invoice(customer, "FV/1", 60, "100.00")  # paid
    invoice(customer, "FV/2", 10, "80.00")  # overdue
    invoice(customer, "FV/3", -5, "50.00")  # not due yet
    Payment.objects.create(customer=customer, paid_on=TODAY - dt.timedelta(days=50), amount=100)
    invoice(stranger, "FV/OBCA", 10, "999.00")
    _point, meter = make_point_with_meter(customer, serial="WM-777")
    Reading.objects.create(
        meter=meter, read_on=TODAY - dt.timedelta(days=3), value=Decimal("321.5"), source="customer"
    )
    Consent.objects.create(
        customer=customer, customer_number=customer.number, version="regulamin-1"
    )
    filing = Filing(
        type=CaseType.objects.get(code="question"),
        subject="Pytanie o taryfę",
        body="?",
        idempotency_key="7b0a3e4c-0000-4000-8000-000000000001",
    )
    file_case(FakeRequest(customer), filing)
    return customer


def test_the_page_shows_money_meters_cases_consents_and_logins(operator_client, history):
    url = reverse("admin:customers_customer_change", args=[history.pk])
    page = operator_client.get(url).content.decode()
    assert "Klient w skrócie" in page
    assert f"<dd>{money(Decimal(130))}</dd>" in page  # due: 80 + 50
    assert f'<dd class="overview-alert">{money(Decimal(80))}</dd>' in page  # of which overdue
    for text in ["FV/1", "FV/2", "FV/3", "WM-777", "321,500 m³", "klient", "Pytanie o taryfę"]:
        assert text in page, text
    assert "FV/OBCA" not in page
    assert "regulamin-1" in page
    assert "001234: właściciel" in page
    case = Case.objects.get()
    assert case.number in page


def test_the_links_open_the_full_lists_filtered_to_the_customer(operator_client, history):
    url = reverse("admin:customers_customer_change", args=[history.pk])
    response = operator_client.get(url)
    links = response.context["overview_links"]
    assert set(links) == {
        "invoices",
        "payments",
        "readings",
        "readings_to_review",
        "cases",
        "consents",
    }
    invoices = operator_client.get(links["invoices"])
    assert invoices.status_code == 200
    listed = invoices.content.decode()
    assert "FV/2" in listed and "FV/OBCA" not in listed
    for name in ["payments", "readings", "readings_to_review", "cases", "consents"]:
        assert operator_client.get(links[name]).status_code == 200, name
    assert "Pytanie o taryfę" in operator_client.get(links["cases"]).content.decode()


def test_a_clerk_sees_only_the_parts_they_may_view(client, history):
    clerk = make_staff("clerk")
    clerk.user_permissions.set(Permission.objects.filter(codename__in=["view_customer"]))
    log_in_staff(client, clerk)
    page = client.get(reverse("admin:customers_customer_change", args=[history.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "FV/2" not in text
    assert "WM-777" not in text
    assert "Pytanie o taryfę" not in text


def test_the_page_takes_a_bounded_number_of_queries(
    operator_client, history, django_assert_max_num_queries
):
    url = reverse("admin:customers_customer_change", args=[history.pk])
    with django_assert_max_num_queries(45):
        operator_client.get(url)
