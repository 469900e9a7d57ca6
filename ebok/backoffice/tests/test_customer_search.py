"""Finding a customer in the admin by number, name, address or e-mail address."""

import pytest
from django.urls import reverse

from ebok.testing import make_customer

pytestmark = pytest.mark.django_db


@pytest.fixture
def customers(db):
    return [
        make_customer(),
        make_customer(
            number="004321",
            name="Zofia Kowalczyk",
            email_address="zofia@example.pl",
            street="ul. Rynek 3",
        ),
        make_customer(
            number="012345",
            name="Spółdzielnia Mieszkaniowa „Liwiec”",
            email_address="biuro@liwiec.example.pl",
            postal_code="07-106",
            city="Liw",
            street="ul. Zamkowa 2",
        ),
    ]


def found(client, term) -> list[str]:
    response = client.get(reverse("admin:customers_customer_changelist"), {"q": term})
    assert response.status_code == 200
    return [customer.number for customer in response.context["cl"].result_list]


@pytest.mark.parametrize(
    ("term", "numbers"),
    [
        ("001234", ["001234"]),
        ("0012", ["001234"]),
        ("1234", ["001234"]),  # without the leading zeros
        ("12345", ["012345"]),
        ("Węgrowski", ["001234"]),
        ("zofia kowalczyk", ["004321"]),
        ("Wyszyńskiego 1", ["001234"]),
        ("Liw", ["012345"]),
        ("07-106", ["012345"]),
        ("Zamkowa", ["012345"]),
        ("zofia@example.pl", ["004321"]),
        ("JAN@example.pl", ["001234"]),
        ("biuro@", ["012345"]),
        ("999", []),
    ],
)
def test_staff_find_a_customer_by_number_name_address_or_e_mail(
    operator_client, customers, term, numbers
):
    assert found(operator_client, term) == numbers


def test_searching_does_not_count_every_customer(operator_client, customers):
    response = operator_client.get(reverse("admin:customers_customer_changelist"), {"q": "0012"})
    assert response.context["cl"].show_full_result_count is False
    assert "Numer klienta, nazwa, adres lub adres e-mail." in response.content.decode()
