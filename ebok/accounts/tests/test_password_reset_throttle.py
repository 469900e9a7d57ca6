"""Forgotten password: a few e-mails per number and per address an hour, the same answer always."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from ebok.audit.models import AuditEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

SENT = "Jeśli ten numer klienta ma konto z adresem e-mail"


def ask(client, number, address="198.51.100.7"):
    return client.post(
        reverse("accounts:password_forgotten"),
        {"customer_number": number},
        REMOTE_ADDR=address,
        follow=True,
    )


def test_twenty_five_requests_send_three_emails_and_answer_alike(client, account, clock):
    answers = {ask(client, "001234").redirect_chain[-1] for _ in range(25)}
    assert answers == {(reverse("accounts:password_reset_sent"), 302)}
    assert len(mail.outbox) == 3
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PASSWORD_RESET_THROTTLED).count() == 22


def test_the_refused_requests_see_the_same_page(client, account, clock):
    pages = [ask(client, "001234") for _ in range(4)]
    assert all(SENT in page.content.decode() for page in pages)
    assert pages[0].status_code == pages[3].status_code == 200


def test_an_hour_later_another_email_may_go(client, account, clock):
    for _ in range(5):
        ask(client, "001234")
    clock.shift(dt.timedelta(hours=1))
    ask(client, "001234")
    assert len(mail.outbox) == 4


def test_spreading_over_addresses_does_not_get_more_emails_for_one_number(client, account, clock):
    for host in range(10):
        ask(client, "001234", address=f"203.0.113.{host}")
    assert len(mail.outbox) == 3


def test_one_address_asking_for_many_numbers_is_limited(client, account, clock):
    for number in range(30):
        ask(client, f"{number:06d}", address="203.0.113.9")
    ask(client, "001234", address="203.0.113.9")
    assert mail.outbox == []
    ask(client, "001234", address="198.51.100.7")
    assert len(mail.outbox) == 1
