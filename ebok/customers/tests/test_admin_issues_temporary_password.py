import re

import pytest
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.backoffice.tests.conftest import confirm
from ebok.testing import log_in_staff, make_customer, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, admin_user):
    return log_in_staff(client, admin_user)


def test_staff_create_a_customer_in_the_polish_admin(staff_client):
    form = staff_client.get(reverse("admin:customers_customer_add")).content.decode()
    assert "Dodaj klient" in form
    response = staff_client.post(
        reverse("admin:customers_customer_add"),
        {
            "number": "004321",
            "name": "Zofia Kowalczyk",
            "postal_code": "07-100",
            "city": "Węgrów",
            "street": "ul. Rynek 3",
            "email": "zofia@example.pl",
            "phone": "",
            # The inlines (logins with access to the number, notices sent), left empty.
            "memberships-TOTAL_FORMS": 0,
            "memberships-INITIAL_FORMS": 0,
            "notices-TOTAL_FORMS": 0,
            "notices-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    from ebok.customers.models import Customer

    assert Customer.objects.get(number="004321").name == "Zofia Kowalczyk"


def test_customer_number_must_be_digits(staff_client):
    response = staff_client.post(
        reverse("admin:customers_customer_add"),
        {"number": "12-34", "name": "X", "postal_code": "07-100", "city": "W", "street": "S"},
    )
    assert "Numer klienta składa się wyłącznie z cyfr" in response.content.decode()


def test_staff_issue_a_temporary_password_that_logs_the_customer_in(
    staff_client, client, admin_user
):
    customer = make_customer()
    selected = staff_client.post(
        reverse("admin:customers_customer_changelist"),
        {"action": "print_temporary_password_letters", "_selected_action": [customer.pk]},
    )
    response = confirm(staff_client, selected)
    # The password is only in the letter (a PDF to print), never on a page.
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "001234" in text
    password = re.search(r"Hasło tymczasowe:\s+(\S+)", text).group(1)
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.TEMPORARY_PASSWORD_ISSUED)
    assert event.actor == admin_user
    assert event.customer == customer

    staff_client.logout()
    response = client.post(
        reverse("accounts:login"), {"customer_number": "001234", "password": password}
    )
    assert response.url == reverse("accounts:password_change")
