"""Passkeys without a browser: answers that prove nothing are refused with a clear message and
change nothing; a passkey is reached only through its own login; a reset tells which remain."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from ebok.accounts.models import Passkey
from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

GARBAGE = '{"id": "AAAA", "rawId": "AAAA", "type": "public-key", "response": {}}'


def log_in(client, number="001234"):
    client.post(reverse("accounts:login"), {"customer_number": number, "password": PASSWORD})


def passkey(user, name="Mój telefon", credential_id="Y3JlZGVudGlhbA"):
    return Passkey.objects.create(
        user=user, name=name, credential_id=credential_id, public_key=b"\x01\x02"
    )


def test_adding_needs_the_current_password(client, account):
    log_in(client)
    page = client.post(
        reverse("accounts:passkey_add"), {"name": "Laptop", "current_password": "nope"}
    ).content.decode()
    assert "Aktualne hasło jest nieprawidłowe." in page
    assert 'value="Laptop"' in page
    assert "passkey-creation-options" not in page


def test_the_password_confirmed_gives_the_options_for_the_browser(client, account):
    log_in(client)
    page = client.post(
        reverse("accounts:passkey_add"), {"name": "Laptop", "current_password": PASSWORD}
    ).content.decode()
    assert '<script id="passkey-creation-options" type="application/json">' in page
    assert '"residentKey": "required"' in page
    assert "Klucze dostępu wymagają JavaScriptu" in page  # for browsers without it


@pytest.mark.parametrize("credential", ["", "not json", GARBAGE])
def test_an_answer_that_proves_nothing_adds_no_passkey(client, account, credential):
    log_in(client)
    client.post(reverse("accounts:passkey_add"), {"name": "X", "current_password": PASSWORD})
    response = client.post(reverse("accounts:passkey_finish"), {"credential": credential})
    assert response.url == reverse("accounts:security")
    page = client.get(response.url).content.decode()
    assert "Nie dodano klucza dostępu. Spróbuj ponownie." in page
    assert not Passkey.objects.exists()


@pytest.mark.parametrize("credential", ["", "[]", GARBAGE])
def test_a_login_answer_that_proves_nothing_is_refused_counted_and_audited(
    client, account, credential
):
    passkey(account, credential_id="AAAA")
    client.post(reverse("accounts:passkey_login_options"))
    response = client.post(reverse("accounts:passkey_login"), {"credential": credential})
    page = response.content.decode()
    assert "Ten klucz dostępu nie pozwolił się zalogować." in page
    assert "Zaloguj kluczem dostępu" in page
    assert client.get(reverse("portal:info")).status_code == 302
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PASSKEY_LOGIN_FAILED).count() == 1


def test_failed_passkey_logins_are_throttled_per_address(client, account, settings):
    settings.LOGIN_THROTTLE_ADDRESS_FREE_FAILURES = 2
    for _ in range(3):
        page = client.post(reverse("accounts:passkey_login"), {"credential": GARBAGE})
    assert "Spróbuj ponownie za" in page.content.decode()
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_THROTTLED).count() == 1


def test_another_logins_passkey_is_not_found(client, account, stranger):
    theirs = passkey(stranger.account)
    log_in(client)
    response = client.post(reverse("accounts:passkey_remove", args=[theirs.pk]))
    assert response.status_code == 404
    assert Passkey.objects.filter(pk=theirs.pk).exists()


def test_removing_the_last_passkey_keeps_the_password(client, account):
    mine = passkey(account)
    log_in(client)
    client.post(reverse("accounts:passkey_remove", args=[mine.pk]))
    assert not Passkey.objects.exists()
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PASSKEY_REMOVED).count() == 1
    (notice,) = mail.outbox
    assert notice.subject == "Z loginu e-BOK usunięto klucz dostępu"
    assert "Login nie ma teraz kluczy dostępu; logowanie odbywa się hasłem." in notice.body
    client.post(reverse("accounts:logout"))
    log_in(client)
    assert client.get(reverse("portal:info")).status_code == 200


def test_a_password_reset_keeps_the_passkeys_and_names_them(client, account):
    passkey(account, "Mój telefon", "AAAA")
    passkey(account, "Klucz USB", "BBBB")
    client.post(reverse("accounts:password_forgotten"), {"customer_number": "001234"})
    path = re.search(r"https?://[^/]+(/\S+)", mail.outbox[-1].body).group(1)
    new = "Zielona-Łąka-nad-Liwcem"
    client.post(path, {"new_password1": new, "new_password2": new})
    notice = mail.outbox[-1]
    assert notice.subject == "Hasło do e-BOK zostało zmienione"
    assert "- Mój telefon\n- Klucz USB" in notice.body
    assert Passkey.objects.count() == 2
