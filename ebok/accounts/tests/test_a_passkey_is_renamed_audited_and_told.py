"""A passkey gets a new name on an ordinary form (no JavaScript): the name is checked, the
change audited and told by e-mail like adding or removing one; another login's passkey is not
found."""

import pytest
from django.core import mail
from django.urls import reverse

from ebok.accounts.models import Passkey
from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def log_in(client, number="001234"):
    client.post(reverse("accounts:login"), {"customer_number": number, "password": PASSWORD})


def passkey(user, name="Mój telefon", credential_id="Y3JlZGVudGlhbA"):
    return Passkey.objects.create(
        user=user, name=name, credential_id=credential_id, public_key=b"\x01\x02"
    )


def url(key) -> str:
    return reverse("accounts:passkey_rename", args=[key.pk])


def test_the_security_page_links_each_passkey_to_its_rename_form(client, account):
    mine = passkey(account)
    log_in(client)
    page = client.get(reverse("accounts:security")).content.decode()
    assert f'<a href="{url(mine)}">Zmień nazwę „Mój telefon”</a>' in page
    form = client.get(url(mine)).content.decode()
    assert 'value="Mój telefon"' in form
    assert 'maxlength="60"' in form


def test_a_new_name_is_saved_audited_and_emailed(client, account):
    mine = passkey(account)
    passkey(account, "Klucz USB", "QkJCQg")
    log_in(client)
    response = client.post(url(mine), {"name": "  Telefon służbowy  "}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:security")
    page = response.content.decode()
    assert "Klucz dostępu „Mój telefon” nazywa się teraz „Telefon służbowy”." in page
    mine.refresh_from_db()
    assert mine.name == "Telefon służbowy"
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.PASSKEY_RENAMED)
    assert event.customer_number == "001234"
    assert event.detail == "login 001234: Mój telefon → Telefon służbowy"
    assert event.ip_address == "127.0.0.1"
    (notice,) = mail.outbox
    assert notice.to == ["jan@example.pl"]
    assert notice.subject == "W loginie e-BOK zmieniono nazwę klucza dostępu"
    assert "„Mój telefon”" in notice.body
    assert "„Telefon służbowy”" in notice.body
    assert "- Telefon służbowy\n- Klucz USB" in notice.body


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (None, "Podaj nazwę klucza dostępu."),
        ("   ", "Podaj nazwę klucza dostępu."),
        ("x" * 61, "co najwyżej 60 znaków (obecnie ma 61)"),
    ],
)
def test_a_bad_name_is_refused_clearly_and_kept_in_the_form(client, account, typed, message):
    mine = passkey(account)
    log_in(client)
    response = client.post(url(mine), {} if typed is None else {"name": typed})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'aria-invalid="true"' in page
    if typed and typed.strip():
        assert f'value="{typed}"' in page
    mine.refresh_from_db()
    assert mine.name == "Mój telefon"
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.PASSKEY_RENAMED).exists()
    assert mail.outbox == []


def test_the_same_name_again_changes_and_tells_nothing(client, account):
    mine = passkey(account)
    log_in(client)
    response = client.post(url(mine), {"name": "Mój telefon"})
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.PASSKEY_RENAMED).exists()
    assert mail.outbox == []


def test_another_logins_passkey_is_not_found(client, account, stranger):
    theirs = passkey(stranger.account, "Telefon Ewy")
    log_in(client)
    assert client.get(url(theirs)).status_code == 404
    assert client.post(url(theirs), {"name": "Przejęty"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.name == "Telefon Ewy"
    assert mail.outbox == []


def test_anonymous_visitors_are_sent_to_the_login_page(client, account):
    mine = passkey(account)
    response = client.post(url(mine), {"name": "Przejęty"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    mine.refresh_from_db()
    assert mine.name == "Mój telefon"
