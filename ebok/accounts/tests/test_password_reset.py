import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD, make_account, make_customer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

NEW = "Zielona-Łąka-nad-Liwcem"


def ask(client, number):
    return client.post(
        reverse("accounts:password_forgotten"), {"customer_number": number}, follow=True
    )


def link_path():
    return re.search(r"https?://[^/]+(/\S+)", mail.outbox[-1].body).group(1)


def set_new(client, path, password=NEW):
    return client.post(path, {"new_password1": password, "new_password2": password})


def test_known_and_unknown_numbers_get_the_same_answer(client, account):
    known = ask(client, "001234")
    unknown = ask(client, "555555")
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert known.content == unknown.content.replace(
        unknown.context["csrf_token"].encode(), known.context["csrf_token"].encode()
    )
    assert "Jeśli ten numer klienta ma konto z adresem e-mail" in known.content.decode()
    assert len(mail.outbox) == 1


def test_customer_without_email_gets_no_message_and_the_same_answer(client):
    make_account(make_customer(number="001236", email_address=""))
    response = ask(client, "001236")
    assert "Jeśli ten numer klienta ma konto z adresem e-mail" in response.content.decode()
    assert mail.outbox == []


def test_link_goes_to_the_email_on_file_and_sets_a_new_password(client, account):
    ask(client, " 001234 ")
    (message,) = mail.outbox
    assert message.to == ["jan@example.pl"]
    assert message.subject == "Ustaw nowe hasło do e-BOK"
    response = set_new(client, link_path())
    assert response.url == reverse("accounts:login")
    account.refresh_from_db()
    assert account.check_password(NEW)
    kinds = set(AuditEvent.objects.values_list("kind", flat=True))
    assert {"password_reset_requested", "password_reset"} <= kinds


def test_a_notice_follows_the_reset(client, account):
    ask(client, "001234")
    set_new(client, link_path())
    assert mail.outbox[-1].subject == "Hasło do e-BOK zostało zmienione"


def test_link_works_once(client, account):
    ask(client, "001234")
    path = link_path()
    set_new(client, path)
    again = client.get(path)
    assert again.status_code == 404
    assert (
        "Ten link do ustawienia nowego hasła wygasł albo został już użyty."
        in again.content.decode()
    )
    set_new(client, path, "Inne-hasło-do-portalu")
    account.refresh_from_db()
    assert account.check_password(NEW)


def test_link_expires_after_an_hour(client, account, clock):
    ask(client, "001234")
    path = link_path()
    clock.shift(dt.timedelta(minutes=59))
    assert client.get(path).status_code == 200
    clock.shift(dt.timedelta(minutes=2))
    assert client.get(path).status_code == 404


def test_link_for_another_account_or_garbage_is_refused(client, account):
    assert client.get("/password/reset/Zm9v/abc-def/").status_code == 404
    assert client.get("/password/reset/!!!/abc-def/").status_code == 404


def test_reset_applies_the_password_policy(client, account):
    ask(client, "001234")
    response = set_new(client, link_path(), "krótkie")
    assert "Hasło musi mieć minimalną długość 8 znaków." in response.content.decode()
    account.refresh_from_db()
    assert account.check_password(PASSWORD)


def test_reset_replaces_an_expired_temporary_password(client, customer, clock):
    from ebok.accounts.services import issue_temporary_password

    issue_temporary_password(customer)
    clock.shift(dt.timedelta(days=8))
    ask(client, "001234")
    set_new(client, link_path())
    login = client.post(reverse("accounts:login"), {"customer_number": "001234", "password": NEW})
    assert login.url == reverse("portal:info")
