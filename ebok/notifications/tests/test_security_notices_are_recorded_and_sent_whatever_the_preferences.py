"""Security notices (password changed, a passkey removed, the e-mail address changed, the other
sessions ended, ...) go through the one notification mechanism: recorded as notices, sent at
once by the same delivery, with no unsubscribe, whatever the preferences say; listed for the
customer and for staff. The e-mail with a confirmation link is not a notice: its token is kept
nowhere but in the message."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from ebok.accounts.models import Passkey
from ebok.notifications.links import unsubscribe_url
from ebok.notifications.models import Notice, Preference, Recipient
from ebok.notifications.preferences import choose
from ebok.testing import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

NEW_PASSWORD = "Zielona-Łąka-nad-Liwcem"


@pytest.fixture
def logged_in(client, account):
    client.post(reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD})
    return client


def change_password(client):
    return client.post(
        reverse("accounts:password_change"),
        {
            "current_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )


def test_a_password_change_is_a_notice_sent_at_once_without_unsubscribe(
    logged_in, customer, smtp_server
):
    change_password(logged_in)

    notice = Notice.objects.get(customer=customer)
    assert (notice.event, notice.channel, notice.status) == ("password_changed", "email", "sent")
    assert notice.recipient == "jan@example.pl"
    assert notice.subject == "Hasło do e-BOK zostało zmienione"
    (message,) = smtp_server.to("jan@example.pl")
    assert message["Subject"] == "Hasło do e-BOK zostało zmienione"
    assert message["List-Unsubscribe"] is None and message["List-Unsubscribe-Post"] is None
    assert "001234" in smtp_server.body(message)
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Hasło do e-BOK zostało zmienione" in html
    assert "Wyłącz te powiadomienia" not in html  # the layout's unsubscribe line
    assert NEW_PASSWORD not in str(notice.data) + smtp_server.body(message) + html


def test_preferences_cannot_turn_security_notices_off(logged_in, customer):
    page = logged_in.get(reverse("notifications:preferences")).content.decode()
    assert "password_changed__email" not in page  # no checkbox for it
    # Neither the page's form, nor the one-click link, nor a stored choice turns it off.
    logged_in.post(
        reverse("notifications:preferences"), {"language": "pl", "password_changed__email": ""}
    )
    choose(customer, "password_changed", "email", False)
    assert not Preference.objects.filter(event="password_changed").exists()
    Preference.objects.create(
        customer=customer, event="password_changed", channel="email", enabled=False
    )
    link = unsubscribe_url(customer.pk, "password_changed", "email").split("testserver")[-1]
    assert logged_in.post(link).status_code == 404

    change_password(logged_in)

    assert [m.to for m in mail.outbox] == [["jan@example.pl"]]
    assert Notice.objects.get(customer=customer).status == Notice.Status.SENT


def test_a_security_notice_is_in_the_customers_language(logged_in, customer):
    Recipient.objects.create(customer=customer, language="en")
    logged_in.post(reverse("accounts:end_other_sessions"))

    (message,) = mail.outbox
    assert message.subject == "Your other e-BOK sessions were ended"
    assert "every session of login 001234 (customer 001234)" in message.body
    assert Notice.objects.get(customer=customer).event == "other_sessions_ended"


def test_the_old_address_is_told_of_an_email_change_and_the_link_is_no_notice(logged_in, customer):
    new = "jan.nowy@example.pl"
    logged_in.post(
        reverse("accounts:contact"),
        {"form": "email", "email": new, "current_password": PASSWORD},
    )
    (confirm,) = mail.outbox
    assert not Notice.objects.exists()  # the link's message is not recorded
    token_url = re.search(r"https?://\S+/email/confirm/\S+/", confirm.body).group(0)

    logged_in.post(token_url.split("testserver", 1)[-1])

    notice = Notice.objects.get()
    assert (notice.event, notice.recipient) == ("email_changed", "jan@example.pl")
    assert mail.outbox[-1].to == ["jan@example.pl"]
    assert "zmieniony" in mail.outbox[-1].subject
    token = token_url.rstrip("/").rsplit("/", 1)[-1]
    assert token not in str(list(Notice.objects.values_list("data", "subject")))


def test_a_removed_passkey_is_told_with_the_passkeys_left(logged_in, account, customer):
    kept = Passkey.objects.create(
        user=account, name="Telefon", credential_id="a", public_key=b"k", sign_count=0
    )
    removed = Passkey.objects.create(
        user=account, name="Laptop", credential_id="b", public_key=b"k", sign_count=0
    )

    logged_in.post(reverse("accounts:passkey_remove", args=[removed.pk]))

    notice = Notice.objects.get()
    assert notice.event == "passkeys_changed"
    assert notice.data == {"login": "001234", "names": [kept.name], "removed": "Laptop"}
    (message,) = mail.outbox
    assert "Laptop" in message.subject + message.body
    assert "- Telefon" in message.body


def test_security_notices_are_listed_for_the_customer_and_for_staff(
    logged_in, customer, operator_client
):
    change_password(logged_in)  # this session goes on

    page = logged_in.get(reverse("notifications:preferences")).content.decode()
    notices = page.split('id="notices"', 1)[1]
    assert "Zmiana hasła: Hasło do e-BOK zostało zmienione" in notices
    staff = operator_client.get(reverse("admin:customers_customer_change", args=[customer.pk]))
    assert "Hasło do e-BOK zostało zmienione" in staff.content.decode()
