import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from ebok.accounts.services import issue_temporary_password
from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD

pytestmark = pytest.mark.django_db

NEW = "Zielona-Łąka-nad-Liwcem"
URL = reverse("accounts:password_change")


def change(client, current, new1, new2=None):
    return client.post(
        URL,
        {"current_password": current, "new_password1": new1, "new_password2": new2 or new1},
    )


@pytest.fixture
def logged_in(client, account):
    client.post(reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD})
    return client


def test_form_shows_the_seed_texts_with_the_configured_length(logged_in, settings):
    page = logged_in.get(URL).content.decode()
    for text in [
        "Zmiana hasła.",
        "Użyj tej formatki, aby zmienić hasło",
        "Hasło musi mieć minimalną długość 8 znaków.",
        "Aktualne hasło",
        "Nowe hasło",
        "Potwierdź nowe hasło",
        "Zmień hasło",
    ]:
        assert text in page, text
    settings.PASSWORD_MIN_LENGTH = 12
    assert "Hasło musi mieć minimalną długość 12 znaków." in logged_in.get(URL).content.decode()


def test_greeting_links_to_the_change_form(logged_in):
    page = logged_in.get(reverse("portal:info")).content.decode()
    assert f'href="{URL}"' in page
    assert "Witaj, 001234 !" in page


def test_customer_changes_the_password(logged_in, account):
    response = change(logged_in, PASSWORD, NEW)
    assert response.url == reverse("accounts:password_changed")
    confirmation = logged_in.get(response.url).content.decode()
    assert "Twoje hasło zostało zmienione." in confirmation
    account.refresh_from_db()
    assert account.check_password(NEW)
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PASSWORD_CHANGED).count() == 1


def test_change_sends_a_notice_by_email(logged_in):
    change(logged_in, PASSWORD, NEW)
    (message,) = mail.outbox
    assert message.to == ["jan@example.pl"]
    assert message.subject == "Hasło do e-BOK zostało zmienione"
    assert "001234" in message.body
    assert NEW not in message.body


def test_change_logs_out_the_other_sessions_but_not_this_one(logged_in, account):
    other = Client()
    other.post(reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD})
    assert other.get(reverse("portal:info")).status_code == 200
    change(logged_in, PASSWORD, NEW)
    assert other.get(reverse("portal:info")).url.startswith(reverse("accounts:login"))
    assert logged_in.get(reverse("portal:info")).status_code == 200


@pytest.mark.parametrize(
    ("current", "new1", "new2", "message"),
    [
        ("wrong", NEW, NEW, "Aktualne hasło jest nieprawidłowe."),
        (PASSWORD, "Krótkie", "Krótkie", "Hasło musi mieć minimalną długość 8 znaków."),
        (PASSWORD, NEW, NEW + "x", "Hasła nie są identyczne."),
        (PASSWORD, "password123", "password123", "To hasło jest zbyt powszechne."),
        (PASSWORD, "abc001234xyz", "abc001234xyz", "Hasło nie może zawierać numeru klienta."),
        (PASSWORD, "Węgrowski2026", "Węgrowski2026", "Hasło nie może zawierać imienia"),
        (PASSWORD, "Wodociągów2026", "Wodociągów2026", "Hasło nie może zawierać nazwy przedsięb"),
        (PASSWORD, PASSWORD, PASSWORD, "Nowe hasło musi się różnić od aktualnego."),
    ],
)
def test_bad_passwords_are_refused_with_the_reason(
    logged_in, account, current, new1, new2, message
):
    response = change(logged_in, current, new1, new2)
    assert response.status_code == 200
    assert message in response.content.decode()
    account.refresh_from_db()
    assert account.check_password(PASSWORD)
    assert mail.outbox == []


def test_new_password_must_differ_from_the_temporary_one(client, customer):
    temporary = issue_temporary_password(customer)
    client.post(reverse("accounts:login"), {"customer_number": "001234", "password": temporary})
    response = change(client, temporary, temporary)
    assert "Nowe hasło musi się różnić od hasła tymczasowego." in response.content.decode()


def test_changing_the_temporary_password_opens_the_panel(client, customer):
    temporary = issue_temporary_password(customer)
    client.post(reverse("accounts:login"), {"customer_number": "001234", "password": temporary})
    change(client, temporary, NEW)
    customer.account.refresh_from_db()
    assert not customer.account.has_temporary_password
    assert client.get(reverse("portal:info")).status_code == 200


def test_long_passwords_are_accepted_whole(logged_in, client):
    long_password = "Długie hasło z wieloma słowami i znakami, " * 3  # 126 characters
    change(logged_in, PASSWORD, long_password)
    logged_in.post(reverse("accounts:logout"))
    truncated = client.post(
        reverse("accounts:login"),
        {"customer_number": "001234", "password": long_password[:-1]},
    )
    assert "Nieprawidłowy numer klienta lub hasło." in truncated.content.decode()
    whole = client.post(
        reverse("accounts:login"), {"customer_number": "001234", "password": long_password}
    )
    assert whole.url == reverse("portal:info")


def test_legacy_minimum_of_six_is_possible_and_the_check_warns(logged_in, settings):
    from django.core.checks import run_checks

    settings.PASSWORD_MIN_LENGTH = 6
    response = change(logged_in, PASSWORD, "Liwiec", "Liwiec")
    assert response.url == reverse("accounts:password_changed")
    assert "ebok.W001" in [warning.id for warning in run_checks()]
