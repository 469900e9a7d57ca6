import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from ebok.accounts.passwords import UNAMBIGUOUS_ALPHABET
from ebok.accounts.services import issue_temporary_password
from ebok.audit.models import AuditEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def login(client, password, number="001234"):
    return client.post(reverse("accounts:login"), {"customer_number": number, "password": password})


def test_temporary_password_is_random_unambiguous_and_stored_only_as_a_hash(customer):
    first = issue_temporary_password(customer)
    second = issue_temporary_password(customer)
    assert first != second
    assert len(first) >= 10
    assert set(first) <= set(UNAMBIGUOUS_ALPHABET)
    assert not set("0O1lI") & set(UNAMBIGUOUS_ALPHABET)
    customer.account.refresh_from_db()
    assert customer.account.password.startswith("argon2$argon2id$")
    assert second not in customer.account.password


def test_issuing_is_recorded(customer):
    issue_temporary_password(customer)
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.TEMPORARY_PASSWORD_ISSUED)
    assert event.customer == customer


def test_login_with_a_temporary_password_leads_to_the_change_form(client, customer):
    password = issue_temporary_password(customer)
    response = login(client, password)
    assert response.url == reverse("accounts:password_change")
    page = client.get(response.url).content.decode()
    assert "Zalogowano hasłem tymczasowym." in page


@pytest.mark.parametrize(
    "url_name",
    ["portal:info", "portal:invoices", "portal:payments", "portal:meters", "portal:documents"],
)
def test_every_panel_page_leads_to_the_change_form_until_it_is_changed(client, customer, url_name):
    login(client, issue_temporary_password(customer))
    response = client.get(reverse(url_name))
    assert response.url == reverse("accounts:password_change")


def test_temporary_password_expires_after_the_configured_days(client, customer, settings, clock):
    settings.TEMPORARY_PASSWORD_DAYS = 3
    password = issue_temporary_password(customer)
    clock.shift(dt.timedelta(days=3, minutes=1))
    response = login(client, password)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Twoje hasło tymczasowe wygasło." in content
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_EXPIRED).count() == 1


def test_temporary_password_still_works_on_its_last_day(client, customer, clock):
    password = issue_temporary_password(customer)
    clock.shift(dt.timedelta(days=6, hours=23))
    assert login(client, password).url == reverse("accounts:password_change")


def test_a_new_temporary_password_replaces_the_old_one(client, customer):
    old = issue_temporary_password(customer)
    new = issue_temporary_password(customer)
    assert "Nieprawidłowy numer klienta lub hasło." in login(client, old).content.decode()
    assert login(client, new).url == reverse("accounts:password_change")


def test_command_prints_the_password_alone_on_the_last_line(client, customer, capsys):
    call_command("issue_temporary_password", "001234")
    last_line = capsys.readouterr().out.strip().splitlines()[-1]
    assert last_line.strip() == last_line
    assert login(client, last_line).url == reverse("accounts:password_change")


def test_command_says_when_the_customer_does_not_exist(db):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="No customer with number '777777'"):
        call_command("issue_temporary_password", "777777")
