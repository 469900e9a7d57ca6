"""Issuing a temporary password from the customer's page: the letter (PDF) is the only copy."""

import re

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.backoffice.tests.conftest import confirm
from ebok.customers.models import Customer
from ebok.testing import log_in_staff, make_customer, pdf_text

# The letter is dated, and its password expires, by the one clock.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

WARNING = "Numeru użytkownika oraz hasła nie należy udostępniać osobom trzecim!"
PASSWORD_LINE = re.compile(r"Hasło tymczasowe:\s+(\S+)")
MM = 72 / 25.4  # points per millimetre


@pytest.fixture
def utility(settings):
    settings.UTILITY_ADDRESS = "ul. Kościuszki 10\n07-100 Węgrów"
    settings.UTILITY_PHONE = "25 792 00 00"
    settings.UTILITY_EMAIL = "bok@pwik.example.pl"
    settings.UTILITY_WEBSITE = "https://pwik.example.pl"
    settings.SITE_URL = "https://ebok.example.pl"


def issue_letter(client, customer):
    """The panel's button, then "Yes" on the confirmation page."""
    url = reverse("admin:customers_customer_account_letter", args=[customer.pk])
    return confirm(client, client.get(url))


def password_in(text: str) -> str:
    return PASSWORD_LINE.search(text).group(1)


def test_the_letter_holds_everything_the_customer_needs(operator_client, customer, utility):
    response = issue_letter(operator_client, customer)

    assert response.status_code == 200
    text = pdf_text(response.content)
    flat = " ".join(text.split())  # lines wrap where the page is full
    for expected in [
        "Przedsiębiorstwo Wodociągów i Kanalizacji w Węgrowie",
        "ul. Kościuszki 10",
        "Tel.: 25 792 00 00",
        "E-mail: bok@pwik.example.pl",
        "Strona internetowa: https://pwik.example.pl",
        "Data: 2026-11-25",
        "Jan Węgrowski",
        "ul. Wyszyńskiego 1",
        "07-100 Węgrów",
        "Użytkownik (numer klienta):",
        "001234",
        "Ważne do: 2026-12-02 10:00",  # a week from 10:00 in Warsaw
        "Szanowni Państwo,",
        "Na stronie https://ebok.example.pl/",
        "„Użytkownik” i „Hasło”",
        "kliknąć przycisk „Zaloguj”",
        "Nastąpi przejście do strony „Zmiana hasła”",
        "W polu „Aktualne hasło” należy wpisać hasło tymczasowe",
        "kliknąć przycisk „Zmień hasło”",
        "Hasło musi mieć minimalną długość 8 znaków.",
        "Twoje hasło zostało zmienione.",
        WARNING,
    ]:
        assert expected in flat, expected
    assert re.fullmatch(r"[A-Za-z2-9]{12}", password_in(text))


def test_the_password_in_the_letter_logs_the_customer_in_and_leads_to_the_change_form(
    client, operator_client, customer
):
    password = password_in(pdf_text(issue_letter(operator_client, customer).content))

    response = client.post(
        reverse("accounts:login"), {"customer_number": "001234", "password": password}
    )

    assert response.url == reverse("accounts:password_change")
    assert "Zmiana hasła." in client.get(response.url).content.decode()


def test_the_address_sits_in_the_envelopes_window(operator_client, customer):
    letter = issue_letter(operator_client, customer).content
    # The right window of a DL envelope: 20 mm from the right edge, 45 mm from the top.
    inside = pdf_text(letter, window=(100 * MM, 45 * MM, 90 * MM, 45 * MM))

    assert "Jan Węgrowski\nul. Wyszyńskiego 1\n07-100 Węgrów" in inside
    assert "Hasło" not in inside


def test_the_letter_is_a_download_kept_out_of_caches(operator_client, customer):
    response = issue_letter(operator_client, customer)

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="e-BOK-001234.pdf"'
    assert "no-store" in response["Cache-Control"]


def test_the_letter_is_polish_whatever_the_staff_members_language(operator, customer):
    staff = Client(headers={"accept-language": "en"})
    staff.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    log_in_staff(staff, operator)
    assert (
        "Customer account"
        in staff.get(
            reverse("admin:customers_customer_change", args=[customer.pk])
        ).content.decode()
    )

    text = pdf_text(issue_letter(staff, customer).content)

    assert "Szanowni Państwo," in text
    assert WARNING in text


def test_the_password_is_kept_nowhere_but_in_the_letter(operator_client, operator, customer):
    response = issue_letter(operator_client, customer)
    password = password_in(pdf_text(response.content))

    event = AuditEvent.objects.get(kind=AuditEvent.Kind.TEMPORARY_PASSWORD_ISSUED)
    assert event.actor == operator
    assert event.customer == customer
    assert password not in event.detail
    customer.account.refresh_from_db()
    assert customer.account.password.startswith("argon2")
    assert password not in customer.account.password
    page = operator_client.get(reverse("admin:customers_customer_change", args=[customer.pk]))
    assert password not in page.content.decode()


def test_a_customer_without_an_account_gets_one_with_the_letter(operator_client, customer):
    assert not hasattr(customer, "account")
    issue_letter(operator_client, customer)
    customer.refresh_from_db()
    assert customer.account.has_temporary_password


def test_a_disabled_account_gets_no_letter(operator_client, account, customer):
    account.is_active = False
    account.save()

    response = issue_letter(operator_client, customer)

    assert response.status_code == 302
    assert "Konto jest wyłączone" in operator_client.get(response.url).content.decode()
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.TEMPORARY_PASSWORD_ISSUED).exists()
    account.refresh_from_db()
    assert not account.has_temporary_password


def test_letters_for_several_selected_customers_come_one_per_page(
    client, operator_client, customer
):
    other = make_customer(number="004321", name="Zofia Kowalczyk", street="ul. Rynek 3")
    selected = operator_client.post(
        reverse("admin:customers_customer_changelist"),
        {"action": "print_temporary_password_letters", "_selected_action": [customer.pk, other.pk]},
    )
    response = confirm(operator_client, selected)

    assert response["Content-Type"] == "application/pdf"
    pages = pdf_text(response.content).split("\f")
    assert [page for page in pages if page.strip()] == pages[:2]
    for page, number in zip(pages, ["001234", "004321"], strict=False):
        assert number in page
        login = Client().post(
            reverse("accounts:login"), {"customer_number": number, "password": password_in(page)}
        )
        assert login.url == reverse("accounts:password_change")
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.TEMPORARY_PASSWORD_ISSUED).count() == 2


def test_too_many_selected_customers_get_no_letters(operator_client, db):
    Customer.objects.bulk_create(
        Customer(number=f"{n:06d}", name="X", postal_code="07-100", city="W", street="S")
        for n in range(1, 102)
    )
    response = operator_client.post(
        reverse("admin:customers_customer_changelist"),
        {
            "action": "print_temporary_password_letters",
            "select_across": "1",
            "_selected_action": [Customer.objects.first().pk],
        },
        follow=True,
    )
    assert "Naraz najwyżej 100 listów" in response.content.decode()
    assert not AuditEvent.objects.exists()
