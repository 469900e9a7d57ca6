"""The attack: someone holding one paper invoice of a customer registers with their own e-mail
address, then asks for a forgotten-password link. It must get them nothing."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from ebok.accounts.tests.helpers import form_data, make_invoice
from ebok.testing import PASSWORD

pytestmark = pytest.mark.django_db

OWNER = "jan@example.pl"
STRANGER = "listonosz@example.net"


def test_an_invoice_and_a_forgotten_password_do_not_give_a_stranger_the_account(
    client, account, terms
):
    make_invoice(account.customer)
    client.post(reverse("accounts:register"), form_data(email=STRANGER))
    client.post(reverse("accounts:password_forgotten"), {"customer_number": "001234"})

    # Nothing at all reached the stranger's address.
    assert [m for m in mail.outbox if STRANGER in m.to] == []
    # The owner heard of both, at the address on file.
    assert [m.subject for m in mail.outbox if m.to == [OWNER]] == [
        "Masz już konto w e-BOK",
        "Ustaw nowe hasło do e-BOK",
    ]
    account.customer.refresh_from_db()
    assert account.customer.email == OWNER
    account.refresh_from_db()
    assert account.check_password(PASSWORD)
    assert not account.has_temporary_password


def test_the_stranger_cannot_log_in_with_anything_they_were_sent(client, account, terms):
    make_invoice(account.customer)
    client.post(reverse("accounts:register"), form_data(email=STRANGER))
    sent_to_stranger = " ".join(m.body for m in mail.outbox if STRANGER in m.to)
    candidates = re.findall(r"\S{8,}", sent_to_stranger) or ["nothing-was-sent"]
    for candidate in candidates:
        response = client.post(
            reverse("accounts:login"), {"customer_number": "001234", "password": candidate}
        )
        assert "_auth_user_id" not in client.session, response
