"""A temporary password replaces the customer's at once, so the office first sees what it
replaces and confirms; nothing changes before that, nor when the password changed meanwhile."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from ebok.accounts.services import issue_temporary_password
from ebok.audit.models import AuditEvent
from ebok.backoffice.tests.conftest import confirm
from ebok.testing import PASSWORD, make_account, make_customer

pytestmark = pytest.mark.django_db

NEW = "Zielona-Łąka-nad-Liwcem"
CHANGED = dt.datetime(2026, 11, 25, 9, 15, tzinfo=dt.UTC)  # 10:15 in Warsaw
A_MINUTE_LATER = CHANGED + dt.timedelta(minutes=1)
TITLE = "Wydać hasło tymczasowe?"
YES = "Tak, wydaj hasło i drukuj list"


def letter_url(customer):
    return reverse("admin:customers_customer_account_letter", args=[customer.pk])


def change_own_password(customer, current=PASSWORD, new=NEW):
    """The customer changes their password on the portal's form."""
    browser = Client()
    browser.post(
        reverse("accounts:login"), {"customer_number": customer.number, "password": current}
    )
    response = browser.post(
        reverse("accounts:password_change"),
        {"current_password": current, "new_password1": new, "new_password2": new},
    )
    assert response.url == reverse("accounts:password_changed")


def issued() -> int:
    return AuditEvent.objects.filter(kind=AuditEvent.Kind.TEMPORARY_PASSWORD_ISSUED).count()


def logs_in(customer, password) -> bool:
    response = Client().post(
        reverse("accounts:login"), {"customer_number": customer.number, "password": password}
    )
    return response.status_code == 302


@pytest.fixture
def own_password(account, customer):
    """The customer set a password of their own at 10:15; the office looks a minute later."""
    with time_machine.travel(CHANGED, tick=False):
        change_own_password(customer)
    with time_machine.travel(A_MINUTE_LATER, tick=False):
        yield customer


def test_the_button_opens_a_confirmation_and_replaces_nothing(operator_client, own_password):
    page = operator_client.get(letter_url(own_password))

    assert page.status_code == 200
    text = page.content.decode()
    assert f"<h1>{TITLE}</h1>" in text
    assert YES in text
    assert "Nowe hasło tymczasowe od razu zastąpi obecne" in text
    assert issued() == 0
    assert logs_in(own_password, NEW)


@pytest.mark.parametrize("data", [{}, {"confirm": "no"}, {"confirm": "1"}])
def test_a_post_without_the_confirmation_replaces_nothing(operator_client, own_password, data):
    response = operator_client.post(letter_url(own_password), data)

    assert response.status_code == 200
    assert TITLE in response.content.decode()
    assert issued() == 0
    assert logs_in(own_password, NEW)


def test_the_confirmation_says_when_the_customer_set_their_own_password(
    operator_client, own_password
):
    text = operator_client.get(letter_url(own_password)).content.decode()

    assert "<strong>001234 Jan Węgrowski</strong>:" in text
    assert "ma własne hasło, ustawione 2026-11-25 10:15." in text


def test_an_own_password_from_before_the_date_was_kept_says_so(operator_client, account):
    text = operator_client.get(letter_url(account.customer)).content.decode()

    assert "ma własne hasło (data ustawienia nieznana)." in text


def test_a_customer_without_a_password_is_named_as_such(operator_client, customer):
    text = operator_client.get(letter_url(customer)).content.decode()

    assert "nie ma jeszcze hasła." in text
    assert "własne hasło" not in text


def test_a_pending_temporary_password_is_named_with_its_expiry(operator_client, customer):
    with time_machine.travel(CHANGED, tick=False):
        issue_temporary_password(customer)
        text = operator_client.get(letter_url(customer)).content.decode()

    assert "ma hasło tymczasowe ważne do 2026-12-02 10:15, jeszcze niezmienione." in text


def test_confirming_issues_the_password_and_the_customers_page_shows_it(
    operator_client, own_password
):
    response = confirm(operator_client, operator_client.get(letter_url(own_password)))

    assert response["Content-Type"] == "application/pdf"
    assert issued() == 1
    assert not logs_in(own_password, NEW)
    page = operator_client.get(reverse("admin:customers_customer_change", args=[own_password.pk]))
    text = page.content.decode()
    assert "Wydano hasło tymczasowe, jeszcze niezmienione" in text
    assert "(do 2026-12-02 10:16)" in text


def test_a_password_changed_while_the_confirmation_was_open_is_not_replaced(
    operator_client, account, customer
):
    with time_machine.travel(CHANGED, tick=False):
        shown = operator_client.get(letter_url(customer))  # the own password of unknown date
        change_own_password(customer)

        response = confirm(operator_client, shown)

    assert response.status_code == 200
    text = response.content.decode()
    assert (
        "Hasło klienta 001234 zmieniło się, gdy ta strona była otwarta. "
        "Sprawdź i potwierdź ponownie." in text
    )
    assert "ma własne hasło, ustawione 2026-11-25 10:15." in text  # the page as it is now
    assert issued() == 0
    assert logs_in(customer, NEW)


def test_pressing_yes_again_after_the_letter_issues_no_second_password(
    operator_client, own_password
):
    shown = operator_client.get(letter_url(own_password))
    assert confirm(operator_client, shown)["Content-Type"] == "application/pdf"

    again = confirm(operator_client, shown)

    assert again.status_code == 200
    assert "zmieniło się, gdy ta strona była otwarta" in again.content.decode()
    assert "ma hasło tymczasowe ważne do 2026-12-02 10:16" in again.content.decode()
    assert issued() == 1


def test_the_list_action_lists_the_selected_customers_and_waits_for_confirmation(
    operator_client, own_password
):
    other = make_customer(number="004321", name="Zofia Kowalczyk", email_address="z@example.pl")
    response = operator_client.post(
        reverse("admin:customers_customer_changelist"),
        {
            "action": "print_temporary_password_letters",
            "_selected_action": [own_password.pk, other.pk],
        },
    )

    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1>Wydać hasła tymczasowe?</h1>" in text
    assert "<strong>001234 Jan Węgrowski</strong>:" in text
    assert 'class="replaces-own">ma własne hasło, ustawione 2026-11-25 10:15.' in text
    assert "<strong>004321 Zofia Kowalczyk</strong>:" in text
    assert "nie ma jeszcze hasła." in text
    assert "Tak, wydaj hasła i drukuj listy" in text
    assert issued() == 0
    assert logs_in(own_password, NEW)

    letters = confirm(operator_client, response)

    assert letters["Content-Type"] == "application/pdf"
    assert issued() == 2


def test_the_list_action_replaces_nothing_when_one_password_changed_meanwhile(
    operator_client, account, customer
):
    other = make_customer(number="004321", name="Zofia Kowalczyk", email_address="z@example.pl")
    make_account(other)
    with time_machine.travel(CHANGED, tick=False):
        shown = operator_client.post(
            reverse("admin:customers_customer_changelist"),
            {
                "action": "print_temporary_password_letters",
                "_selected_action": [customer.pk, other.pk],
            },
        )
        change_own_password(other)

        response = confirm(operator_client, shown)

    assert response.status_code == 200
    assert "Hasło klienta 004321 zmieniło się" in response.content.decode()
    assert issued() == 0
    assert logs_in(customer, PASSWORD)


def test_the_list_action_for_one_customer_leads_back_to_the_list(operator_client, customer):
    changelist = reverse("admin:customers_customer_changelist")
    response = operator_client.post(
        f"{changelist}?q=001234",
        {"action": "print_temporary_password_letters", "_selected_action": [customer.pk]},
    )

    text = response.content.decode()
    assert f"<h1>{TITLE}</h1>" in text
    assert f'<a href="{changelist}?q=001234" class="button">Wróć do listy</a>' in text
    assert "Wróć do klienta" not in text
