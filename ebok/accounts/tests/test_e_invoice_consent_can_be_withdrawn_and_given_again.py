"""The e-invoice consent in "Consents": withdrawn and given again at any time, each change kept
with who, when, from where and which text, audited, told and pulled by the billing system."""

import pytest
from django.core import mail
from django.urls import reverse

from ebok.accounts.consents import E_INVOICE_CONSENT_VERSION, record_consents
from ebok.accounts.models import AccountChange, Consent, Membership
from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD, make_account, make_customer

pytestmark = pytest.mark.usefixtures("clock")

URL = reverse("accounts:consents")


@pytest.fixture
def logged_in(client, account, customer):
    record_consents(customer, terms=None, e_invoice=True, ip_address="192.0.2.1")
    client.post(reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD})
    return client


def test_the_page_says_what_is_in_force_and_since_when(logged_in):
    page = logged_in.get(URL).content.decode()
    assert "Obowiązuje od 2026-11-25 10:00: faktury przychodzą e-mailem." in page
    assert "art. 106n ustawy o VAT" in page
    assert "Zaakceptowano 2026-11-25 10:00 (no terms document published)." in page


def test_withdrawn_then_given_again(logged_in, customer, clock):
    clock.shift(600)
    response = logged_in.post(URL, {"action": "withdraw"})
    assert response.url == URL
    page = logged_in.get(URL).content.decode()
    assert "Nie udzielono: faktury przychodzą w wersji papierowej." in page
    assert "Faktury będą teraz przychodzić w wersji papierowej." in page
    withdrawn = Consent.objects.filter(kind="e_invoice").first()
    assert (withdrawn.given, withdrawn.username, withdrawn.ip_address) == (
        False,
        "001234",
        "127.0.0.1",
    )

    clock.shift(600)
    logged_in.post(URL, {"action": "give"})
    page = logged_in.get(URL).content.decode()
    assert "Obowiązuje od 2026-11-25 10:20" in page
    history = list(Consent.objects.filter(kind="e_invoice").values_list("given", "version"))
    assert history == [
        (True, E_INVOICE_CONSENT_VERSION),
        (False, E_INVOICE_CONSENT_VERSION),
        (True, E_INVOICE_CONSENT_VERSION),
    ]
    assert page.count("Wyrażam zgodę na otrzymywanie faktur") >= 3
    given = [change.value["given"] for change in AccountChange.objects.filter(kind="e_invoice")]
    assert given == [False, True]
    kinds = list(
        AuditEvent.objects.filter(kind__startswith="consent_")
        .order_by("created_at")
        .values_list("kind", flat=True)
    )
    assert kinds == ["consent_withdrawn", "consent_given"]
    subjects = [message.subject for message in mail.outbox]
    assert subjects == [
        "Faktury będą przychodzić w wersji papierowej",
        "Faktury będą przychodzić e-mailem",
    ]


def test_pressing_twice_records_one_change(logged_in):
    logged_in.post(URL, {"action": "withdraw"})
    logged_in.post(URL, {"action": "withdraw"})
    assert Consent.objects.filter(kind="e_invoice", given=False).count() == 1
    assert AccountChange.objects.count() == 1


def test_an_unknown_action_changes_nothing(logged_in):
    logged_in.post(URL, {"action": "delete"})
    assert Consent.objects.filter(kind="e_invoice").count() == 1


def test_a_viewer_sees_the_consent_but_cannot_change_it(client, logged_in, customer):
    viewer = make_account(make_customer(number="005555", email_address="ola@example.pl"))
    Membership.objects.create(user=viewer, customer=customer, role=Membership.Role.VIEWER)
    client.post(reverse("accounts:logout"))
    client.post(reverse("accounts:login"), {"customer_number": "005555", "password": PASSWORD})
    client.post(reverse("accounts:switch_number"), {"customer_number": "001234"})
    page = client.get(URL).content.decode()
    assert "Obowiązuje od" in page
    assert "Wycofaj zgodę" not in page
    assert client.post(URL, {"action": "withdraw"}).status_code == 403
    assert Consent.objects.filter(kind="e_invoice").count() == 1
