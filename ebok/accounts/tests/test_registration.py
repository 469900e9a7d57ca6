"""Self-registration: the customer number and one recent invoice get a temporary password, at an
address whose owner confirmed it."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ebok.accounts.services import issue_temporary_password
from ebok.accounts.tests.helpers import INVOICE_NUMBER, form_data, make_invoice
from ebok.audit.models import AuditEvent
from ebok.testing import NOW, PASSWORD, make_account, make_customer

# "Recent" is counted from the day of the registration: invoices are dated by the same clock.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

URL = reverse("accounts:register")
SENT = "Jeśli dane są zgodne, wysłaliśmy Ci wiadomość e-mail."
NEW_ADDRESS = "jan.nowy@example.pl"


def register(client, headers=None, **fields):
    return client.post(URL, form_data(**fields), follow=True, headers=headers)


def confirm_link_in(message) -> str:
    return re.search(r"http://testserver(/email/confirm/\S+/)", message.body).group(1)


def confirm(client, message):
    """Open the link from the e-mail and press the button, as its reader would."""
    return client.post(confirm_link_in(message), follow=True)


def temporary_password_in(message) -> str:
    return re.search(r"^Hasło tymczasowe: (\S+)$", message.body, re.MULTILINE).group(1)


def same_page(first, second):
    """The two answers are the same page, byte for byte but for the CSRF token."""
    return first.redirect_chain == second.redirect_chain and first.content == (
        second.content.replace(
            second.context["csrf_token"].encode(), first.context["csrf_token"].encode()
        )
    )


@pytest.fixture
def invoice(customer):
    return make_invoice(customer)


def test_login_page_links_to_registration(client):
    page = client.get("/").content.decode()
    assert f'<a href="{URL}">Zarejestruj</a> jeśli nie masz konta.' in page


def test_form_shows_what_is_needed(client, terms):
    page = client.get(URL).content.decode()
    for text in [
        "Rejestracja.",
        "Numer klienta",
        "Numer faktury",
        "Kwota brutto tej faktury (zł)",
        "Adres e-mail",
        "Akceptuję",
        f'href="{reverse("accounts:terms")}"',
        "Wyrażam zgodę na otrzymywanie faktur w formie elektronicznej (e-faktura)",
        "Zarejestruj",
    ]:
        assert text in page, text


def test_matching_data_with_the_address_on_file_get_a_temporary_password_at_once(
    client, customer, invoice, terms
):
    response = register(client, email="jan@example.pl")
    assert response.redirect_chain == [(reverse("accounts:register_sent"), 302)]
    assert SENT in response.content.decode()

    [message] = mail.outbox
    assert message.to == ["jan@example.pl"]
    assert message.subject == "Hasło tymczasowe do e-BOK"
    body = message.body
    assert "Użytkownik (numer klienta): 001234" in body
    assert "http://testserver/login/" in body
    assert "Hasło tymczasowe jest ważne do " in body
    assert "Numeru użytkownika oraz hasła nie należy udostępniać osobom trzecim!" in body
    customer.account.refresh_from_db()
    expires = timezone.localtime(customer.account.temporary_password_expires_at)
    assert f"ważne do {expires:%Y-%m-%d %H:%M}" in body
    assert customer.account.check_password(temporary_password_in(message))


def test_customer_logs_in_with_the_emailed_password_and_is_led_to_the_change_form(
    client, customer, invoice, terms
):
    register(client)
    password = temporary_password_in(mail.outbox[-1])
    login = client.post(
        reverse("accounts:login"), {"customer_number": "001234", "password": password}
    )
    assert login.url == reverse("accounts:password_change")
    assert "Zalogowano hasłem tymczasowym." in client.get(login.url).content.decode()


def test_a_new_address_gets_a_link_to_confirm_it_and_nothing_else(client, customer, invoice, terms):
    register(client, email=NEW_ADDRESS)
    [message] = mail.outbox
    assert message.to == [NEW_ADDRESS]
    assert message.subject == "Potwierdź adres e-mail w e-BOK"
    assert "Hasło tymczasowe" not in message.body
    customer.refresh_from_db()
    assert customer.email == "jan@example.pl"
    assert not hasattr(customer, "account")


def test_the_confirmed_address_becomes_the_email_on_file_and_gets_the_password(
    client, customer, invoice, terms
):
    register(client, email=NEW_ADDRESS)
    page = confirm(client, mail.outbox[-1]).content.decode()
    assert "Adres e-mail potwierdzony." in page
    customer.refresh_from_db()
    assert customer.email == NEW_ADDRESS
    [message] = [m for m in mail.outbox if m.subject == "Hasło tymczasowe do e-BOK"]
    assert message.to == [NEW_ADDRESS]
    assert customer.account.check_password(temporary_password_in(message))


def test_the_previous_address_is_told_of_the_change(client, customer, invoice, terms):
    register(client, email=NEW_ADDRESS)
    confirm(client, mail.outbox[-1])
    [notice] = [m for m in mail.outbox if m.to == ["jan@example.pl"]]
    assert notice.subject == "Adres e-mail Twojego konta w e-BOK został zmieniony"
    assert "klient 001234" in notice.body
    assert NEW_ADDRESS not in notice.body
    assert "Hasło tymczasowe:" not in notice.body


def test_the_same_address_again_gets_no_change_notice(client, customer, invoice, terms):
    register(client, email="JAN@example.pl")
    assert [m.to for m in mail.outbox] == [["jan@example.pl"]]


def test_customer_without_an_email_on_file_registers_too(client, invoice, terms):
    make_customer(email_address="")
    register(client, email=NEW_ADDRESS)
    confirm(client, mail.outbox[-1])
    assert [m.to for m in mail.outbox] == [[NEW_ADDRESS], [NEW_ADDRESS]]
    assert mail.outbox[-1].subject == "Hasło tymczasowe do e-BOK"


def test_invoice_number_is_found_whatever_the_case_and_spaces(client, customer, invoice, terms):
    register(client, invoice=f"  {INVOICE_NUMBER.lower()} ")
    assert mail.outbox[-1].subject == "Hasło tymczasowe do e-BOK"


def test_an_invoice_older_than_twelve_months_does_not_count(client, customer, terms):
    make_invoice(customer, issued_on=timezone.localdate() - dt.timedelta(days=366))
    response = register(client)
    assert SENT in response.content.decode()
    assert mail.outbox == []
    assert not hasattr(customer, "account")


def test_the_twelve_months_are_counted_by_the_date_in_warsaw(client, customer, terms, clock):
    # 23:30 UTC on 25 November is already 26 November in Warsaw.
    clock.move_to(NOW.replace(hour=23, minute=30))
    make_invoice(customer, number="FV/OLD", issued_on=dt.date(2025, 11, 25))
    make_invoice(customer, number="FV/EDGE", issued_on=dt.date(2025, 11, 26))
    register(client, invoice="FV/OLD")
    assert mail.outbox == []
    register(client, invoice="FV/EDGE")
    assert len(mail.outbox) == 1


def test_another_customers_invoice_does_not_count(client, customer, stranger, terms):
    make_invoice(stranger, number="FV/2026/11/009999")
    response = register(client, invoice="FV/2026/11/009999")
    assert SENT in response.content.decode()
    assert mail.outbox == []
    customer.refresh_from_db()
    assert customer.email == "jan@example.pl"


def test_wrong_amount_gets_no_email_and_the_same_page(client, customer, invoice, terms):
    wrong = register(client, gross="61,00", email=NEW_ADDRESS)
    assert mail.outbox == []
    right = register(client, gross="60,00", email=NEW_ADDRESS)
    assert same_page(wrong, right)
    assert [m.to for m in mail.outbox] == [[NEW_ADDRESS]]  # the link to confirm it


def test_unknown_number_gets_the_same_page_as_a_known_one(client, customer, invoice, terms):
    unknown = register(client, number="555555")
    wrong_invoice = register(client, invoice="FV/NO/SUCH")
    known = register(client)
    assert same_page(unknown, known)
    assert same_page(wrong_invoice, known)
    assert len(mail.outbox) == 1


def test_unknown_number_and_wrong_invoice_data_are_recorded_alike(client, customer, invoice):
    register(client, number="555555")
    register(client, gross="1,00")
    refusals = AuditEvent.objects.filter(kind=AuditEvent.Kind.REGISTRATION_REFUSED)
    assert sorted(refusals.values_list("customer_number", "customer", "detail")) == [
        ("001234", None, "no matching invoice"),
        ("555555", None, "no matching invoice"),
    ]


def test_existing_account_is_told_so_at_the_address_on_file_and_keeps_everything(
    client, account, invoice, terms
):
    response = register(client, email=NEW_ADDRESS, e_invoice=True)
    assert SENT in response.content.decode()
    [message] = mail.outbox
    assert message.to == ["jan@example.pl"]
    assert message.subject == "Masz już konto w e-BOK"
    assert "Ten klient ma już konto z własnym hasłem" in message.body
    assert "http://testserver/password/forgotten/" in message.body
    assert "Hasło tymczasowe" not in message.body
    account.refresh_from_db()
    assert account.check_password(PASSWORD)
    assert not account.has_temporary_password
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.TEMPORARY_PASSWORD_ISSUED).exists()
    account.customer.refresh_from_db()
    assert account.customer.email == "jan@example.pl"
    assert not account.customer.consents.exists()
    assert not account.customer.email_confirmations.exists()


def test_existing_account_without_an_email_on_file_is_told_nothing(client, account, invoice, terms):
    account.customer.email = ""
    account.customer.save()
    response = register(client, email=NEW_ADDRESS)
    assert SENT in response.content.decode()
    assert mail.outbox == []
    account.customer.refresh_from_db()
    assert account.customer.email == ""


def test_a_temporary_password_not_yet_changed_is_replaced(client, customer, invoice, terms):
    old = issue_temporary_password(customer)
    register(client)
    assert mail.outbox[-1].subject == "Hasło tymczasowe do e-BOK"
    customer.account.refresh_from_db()
    assert not customer.account.check_password(old)
    assert customer.account.check_password(temporary_password_in(mail.outbox[-1]))


def test_an_account_without_a_usable_password_gets_a_temporary_one(
    client, customer, invoice, terms
):
    user = make_account(customer)
    user.set_unusable_password()
    user.save()
    register(client)
    assert mail.outbox[-1].subject == "Hasło tymczasowe do e-BOK"


def test_a_disabled_account_is_not_reopened(client, account, invoice, terms):
    account.is_active = False
    account.save()
    response = register(client, email=NEW_ADDRESS)
    assert SENT in response.content.decode()
    assert mail.outbox == []
    account.refresh_from_db()
    assert account.check_password(PASSWORD)
    account.customer.refresh_from_db()
    assert account.customer.email == "jan@example.pl"
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.REGISTRATION_REFUSED)
    assert event.detail == "account disabled"


def test_audit_records_the_request_the_refusal_and_the_email(client, customer, invoice, terms):
    register(client, gross="1,00")
    register(client, email=NEW_ADDRESS, headers={"user-agent": "Firefox"})
    confirm(client, mail.outbox[-1])
    events = list(
        AuditEvent.objects.order_by("id").values_list("kind", "customer_number", "detail")
    )
    assert events == [
        ("registration_requested", "001234", f"invoice {INVOICE_NUMBER}, e-mail jan@example.pl"),
        ("registration_refused", "001234", "no matching invoice"),
        ("registration_requested", "001234", f"invoice {INVOICE_NUMBER}, e-mail {NEW_ADDRESS}"),
        ("email_confirmation_sent", "001234", f"registration: link to {NEW_ADDRESS}"),
        (
            "email_changed",
            "001234",
            f"e-mail on file is now {NEW_ADDRESS}, was jan@example.pl (told)",
        ),
        ("temporary_password_issued", "001234", events[5][2]),
        ("registration_email_sent", "001234", f"temporary password to {NEW_ADDRESS}"),
    ]
    requested = AuditEvent.objects.filter(kind=AuditEvent.Kind.EMAIL_CONFIRMATION_SENT).get()
    assert requested.user_agent == "Firefox"
    sent = AuditEvent.objects.get(kind=AuditEvent.Kind.REGISTRATION_EMAIL_SENT)
    assert sent.customer == customer
    assert sent.ip_address == "127.0.0.1"


def test_form_keeps_what_was_typed_when_it_is_refused(client, terms):
    response = client.post(
        URL, form_data(gross="sześćdziesiąt", accept_terms=False, e_invoice=True)
    )
    page = response.content.decode()
    assert response.status_code == 200
    for value in ["001234", INVOICE_NUMBER, "sześćdziesiąt", "jan@example.pl"]:
        assert f'value="{value}"' in page, value
    assert re.search(r'<input type="checkbox" name="e_invoice"[^>]* checked', page)
    assert "Aby się zarejestrować, zaakceptuj regulamin." in page
    assert not AuditEvent.objects.exists()


def test_each_field_is_required(client, terms):
    empty = {"customer_number": "", "invoice_number": "", "gross": "", "email": ""}
    page = client.post(URL, empty).content.decode()
    assert page.count("To pole jest wymagane.") == 4
    assert "Aby się zarejestrować, zaakceptuj regulamin." in page


def test_an_invalid_email_address_is_refused(client, customer, invoice, terms):
    page = client.post(URL, form_data(email="jan(at)example.pl")).content.decode()
    assert "Wprowadź poprawny adres email." in page
    assert mail.outbox == []


def test_registration_works_in_english_too(client, customer, invoice, terms):
    client.cookies["django_language"] = "en"
    response = register(client)
    assert "If the data match, we have sent you an e-mail." in (response.content.decode())
    assert mail.outbox[-1].subject == "Your temporary password to e-BOK"
    assert "Temporary password: " in mail.outbox[-1].body


def test_a_logged_in_customer_is_sent_to_the_panel(client, account):
    client.force_login(account)
    assert client.get(URL).url == reverse("portal:info")
