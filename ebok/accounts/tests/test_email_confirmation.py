"""The one-time link that makes a new address the e-mail on file (accounts/confirmations.py)."""

import datetime as dt
import re

import pytest
from django.core import mail

from ebok.accounts import confirmations
from ebok.accounts.models import EmailConfirmation
from ebok.audit.models import AuditEvent
from ebok.core.origin import Origin

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

NEW = "jan.nowy@example.pl"
INVALID = "Link nieważny."


def start_change(customer, email=NEW):
    confirmations.start(
        customer, email, EmailConfirmation.Purpose.CHANGE, origin=Origin(site_root="http://t")
    )
    return re.search(r"http://t(/email/confirm/\S+/)", mail.outbox[-1].body).group(1)


def test_the_link_goes_to_the_new_address_and_changes_nothing_yet(client, customer, clock):
    start_change(customer)
    assert mail.outbox[-1].to == [NEW]
    assert "do 2026-11-26 10:00" in mail.outbox[-1].body  # 24 hours, Warsaw time
    customer.refresh_from_db()
    assert customer.email == "jan@example.pl"


def test_opening_the_link_asks_first_and_changes_nothing(client, customer, clock):
    path = start_change(customer)
    page = client.get(path).content.decode()
    assert "Potwierdź adres e-mail." in page
    assert NEW in page
    customer.refresh_from_db()
    assert customer.email == "jan@example.pl"


def test_pressing_the_button_changes_the_address_and_tells_the_old_one(client, customer, clock):
    path = start_change(customer)
    page = client.post(path).content.decode()
    assert f"Adres e-mail Twojego konta to teraz {NEW}." in page
    customer.refresh_from_db()
    assert customer.email == NEW
    [notice] = [m for m in mail.outbox if m.to == ["jan@example.pl"]]
    assert notice.subject == "Adres e-mail Twojego konta w e-BOK został zmieniony"
    assert NEW not in notice.body
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.EMAIL_CHANGED, customer=customer)


def test_the_link_works_once(client, customer, clock):
    path = start_change(customer)
    client.post(path)
    customer.email = "jan@example.pl"
    customer.save()
    again = client.post(path)
    assert again.status_code == 404
    assert INVALID in again.content.decode()
    customer.refresh_from_db()
    assert customer.email == "jan@example.pl"


def test_the_link_expires_after_a_day(client, customer, clock):
    path = start_change(customer)
    clock.shift(dt.timedelta(hours=24, seconds=1))
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404
    customer.refresh_from_db()
    assert customer.email == "jan@example.pl"


def test_a_newer_link_replaces_an_older_one(client, customer, clock):
    older = start_change(customer, "pierwszy@example.pl")
    newer = start_change(customer, "drugi@example.pl")
    assert client.post(older).status_code == 404
    client.post(newer)
    customer.refresh_from_db()
    assert customer.email == "drugi@example.pl"


def test_a_made_up_token_is_refused(client, customer):
    start_change(customer)
    response = client.post("/email/confirm/not-a-real-token/")
    assert response.status_code == 404
    assert INVALID in response.content.decode()


def test_only_a_hash_of_the_token_is_stored(customer):
    path = start_change(customer)
    token = path.split("/")[-2]
    stored = EmailConfirmation.objects.get()
    assert token not in stored.token_hash
    assert len(stored.token_hash) == 64
