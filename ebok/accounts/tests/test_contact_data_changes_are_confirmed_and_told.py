"""Contact data in "My account": the e-mail on file changes only through its link, the phone is
stored in E.164, the correspondence address is whole or absent; each change is audited, told,
and recorded for the billing system; bad input changes nothing."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from ebok.accounts.models import AccountChange, CorrespondenceAddress, Membership
from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD, make_account, make_customer

pytestmark = pytest.mark.usefixtures("clock")

URL = reverse("accounts:contact")
NEW = "jan.nowy@example.pl"


@pytest.fixture
def logged_in(client, account):
    client.post(reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD})
    return client


def change_email(client, email=NEW, password=PASSWORD):
    return client.post(URL, {"form": "email", "email": email, "current_password": password})


def link(message) -> str:
    return re.search(r"https?://\S+/email/confirm/\S+/", message.body).group(0)


def test_the_new_address_is_used_only_after_its_link_is_opened(logged_in, customer):
    response = change_email(logged_in)
    assert response.url == URL
    page = logged_in.get(URL).content.decode()
    assert f"Wysłaliśmy link na adres {NEW}" in page
    assert "Czeka na potwierdzenie" in page
    customer.refresh_from_db()
    assert customer.email == "jan@example.pl"
    (message,) = mail.outbox
    assert message.to == [NEW]

    confirm = link(message).split("testserver", 1)[-1]
    logged_in.post(confirm)
    customer.refresh_from_db()
    assert customer.email == NEW
    told = mail.outbox[-1]
    assert told.to == ["jan@example.pl"]
    assert "skontaktuj się" in told.body.lower()
    change = AccountChange.objects.get(kind=AccountChange.Kind.EMAIL)
    assert (change.customer_number, change.value) == ("001234", {"email": NEW})


def test_a_link_works_once_and_not_after_24_hours(logged_in, customer, clock):
    change_email(logged_in)
    confirm = link(mail.outbox[0]).split("testserver", 1)[-1]
    clock.shift(timedelta(hours=24, minutes=1))
    assert logged_in.post(confirm).status_code == 404
    customer.refresh_from_db()
    assert customer.email == "jan@example.pl"

    # The session idled out meanwhile.
    logged_in.post(reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD})
    change_email(logged_in, "inny@example.pl")
    confirm = link(mail.outbox[-1]).split("testserver", 1)[-1]
    assert logged_in.post(confirm).status_code == 200
    assert logged_in.post(confirm).status_code == 404
    customer.refresh_from_db()
    assert customer.email == "inny@example.pl"


@pytest.mark.parametrize(
    ("email", "password", "error"),
    [
        (NEW, "wrong-password", "Aktualne hasło jest nieprawidłowe."),
        ("jan@", PASSWORD, "Wprowadź poprawny adres email."),
        ("JAN@example.pl", PASSWORD, "To jest już adres e-mail zapisany na koncie."),
    ],
)
def test_bad_input_keeps_what_was_typed_and_sends_nothing(
    logged_in, customer, email, password, error
):
    page = change_email(logged_in, email, password).content.decode()
    assert error in page
    assert f'value="{email}"' in page
    assert mail.outbox == []
    customer.refresh_from_db()
    assert customer.email == "jan@example.pl"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("601 234 567", "+48601234567"),
        ("+48 601-234-567", "+48601234567"),
        ("0049 1512 3456789", "+4915123456789"),
    ],
)
def test_phone_is_stored_in_e164_and_must_be_confirmed_again(logged_in, account, typed, stored):
    account.phone, account.phone_confirmed_at = "+48500100200", account.date_joined
    account.save()
    response = logged_in.post(URL, {"form": "phone", "phone": typed})
    assert response.url == URL
    account.refresh_from_db()
    assert (account.phone, account.phone_confirmed_at) == (stored, None)
    assert AccountChange.objects.get(kind="phone").value == {"phone": stored}
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.CONTACT_CHANGED).count() == 1
    (notice,) = mail.outbox
    assert notice.to == ["jan@example.pl"]
    assert stored in notice.body


@pytest.mark.parametrize("typed", ["12345", "22 123 45 67", "telefon"])
def test_a_number_that_is_no_mobile_phone_is_refused(logged_in, account, typed):
    page = logged_in.post(URL, {"form": "phone", "phone": typed}).content.decode()
    assert "Wpisz numer telefonu komórkowego" in page
    assert f'value="{typed}"' in page
    account.refresh_from_db()
    assert account.phone == ""
    assert not AccountChange.objects.exists()


def test_correspondence_address_is_set_then_removed(logged_in, customer):
    address = {"postal_code": "00-950", "city": "Warszawa", "street": "ul. Prosta 5/2"}
    logged_in.post(URL, {"form": "address", **address})
    saved = CorrespondenceAddress.objects.get(customer=customer)
    assert (saved.postal_code, saved.city, saved.street) == tuple(address.values())
    assert 'value="ul. Prosta 5/2"' in logged_in.get(URL).content.decode()

    logged_in.post(URL, {"form": "address", "postal_code": "", "city": "", "street": ""})
    assert not CorrespondenceAddress.objects.exists()
    values = list(AccountChange.objects.values_list("value", flat=True))
    assert values == [address, {}]
    assert len(mail.outbox) == 2


def test_half_an_address_is_refused(logged_in):
    page = logged_in.post(
        URL, {"form": "address", "postal_code": "0095", "city": "Warszawa", "street": ""}
    ).content.decode()
    assert "Wpisz kod pocztowy w postaci 07-100." in page
    assert "Wypełnij cały adres albo zostaw wszystkie pola puste." in page
    assert not CorrespondenceAddress.objects.exists()


def test_a_viewer_sets_their_phone_but_not_the_numbers_email_or_address(client, customer):
    viewer = make_account(make_customer(number="005555", email_address="ola@example.pl"))
    Membership.objects.create(user=viewer, customer=customer, role=Membership.Role.VIEWER)
    client.post(reverse("accounts:login"), {"customer_number": "005555", "password": PASSWORD})
    client.post(reverse("accounts:switch_number"), {"customer_number": "001234"})
    page = client.get(URL).content.decode()
    assert "Tylko właściciel tego numeru klienta" in page
    assert change_email(client).status_code == 403
    address = {"postal_code": "00-950", "city": "Warszawa", "street": "ul. Prosta 5"}
    assert client.post(URL, {"form": "address", **address}).status_code == 403
    assert client.post(URL, {"form": "phone", "phone": "601234567"}).status_code == 302
    customer.refresh_from_db()
    assert customer.email == "jan@example.pl"
    assert not CorrespondenceAddress.objects.exists()
