"""Consents given at registration: the terms (required) and e-invoices (only when ticked)."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ebok.accounts.consents import E_INVOICE_CONSENT_VERSION, NO_TERMS_VERSION
from ebok.accounts.models import Consent
from ebok.accounts.tests.helpers import form_data, make_invoice, make_terms
from ebok.testing import NOW, log_in_staff

# The invoice must be recent on the day of the registration: both are dated by the one clock.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

URL = reverse("accounts:register")


@pytest.fixture
def invoice(customer):
    return make_invoice(customer)


def register(client, **fields):
    return client.post(URL, form_data(**fields), REMOTE_ADDR="198.51.100.7")


def test_e_invoice_consent_is_recorded_with_its_version_and_time_when_ticked(
    client, customer, invoice, terms
):
    register(client, e_invoice=True)
    consent = Consent.objects.get(kind=Consent.Kind.E_INVOICE)
    assert consent.customer == customer
    assert consent.customer_number == "001234"
    assert consent.version == E_INVOICE_CONSENT_VERSION
    assert consent.given_at == NOW
    assert consent.ip_address == "198.51.100.7"


def test_no_e_invoice_consent_is_recorded_when_not_ticked(client, customer, invoice, terms):
    register(client)
    assert not Consent.objects.filter(kind=Consent.Kind.E_INVOICE).exists()


def test_nothing_is_recorded_when_the_data_do_not_match(client, customer, invoice, terms):
    register(client, gross="1,00", e_invoice=True)
    assert not Consent.objects.exists()


def test_the_consent_text_is_shown_next_to_its_box(client, terms):
    page = client.get(URL).content.decode()
    assert (
        '<label for="id_e_invoice">Wyrażam zgodę na otrzymywanie faktur w formie elektronicznej '
        "(e-faktura) na podany wyżej adres e-mail zamiast w formie papierowej.</label>"
    ) in page


def test_terms_must_be_accepted(client, customer, invoice, terms):
    response = register(client, accept_terms=False, e_invoice=True)
    assert response.status_code == 200
    assert "Aby się zarejestrować, zaakceptuj regulamin." in response.content.decode()
    assert mail.outbox == []
    assert not Consent.objects.exists()


def test_accepting_the_terms_is_recorded_with_the_documents_id_and_date(
    client, customer, invoice, terms
):
    register(client)
    consent = Consent.objects.get(kind=Consent.Kind.TERMS)
    assert consent.customer == customer
    assert consent.version == f"document {terms.pk} of 2026-01-01"


def test_the_newest_published_terms_are_linked_and_recorded(client, customer, invoice, media):
    make_terms(date=dt.date(2025, 1, 1))
    newest = make_terms(date=dt.date(2026, 6, 1))
    make_terms(date=dt.date(2027, 1, 1), published_from=timezone.now() + dt.timedelta(days=1))
    register(client)
    assert Consent.objects.get().version == f"document {newest.pk} of 2026-06-01"


def test_without_a_terms_document_the_box_has_no_link_and_says_so_in_the_record(
    client, customer, invoice
):
    page = client.get(URL).content.decode()
    assert "Akceptuję regulamin." in page
    assert reverse("accounts:terms") not in page
    register(client)
    assert Consent.objects.get().version == NO_TERMS_VERSION


def test_staff_read_consents_but_nobody_adds_changes_or_deletes_them(
    client, admin_user, customer, invoice, terms
):
    register(client, e_invoice=True)
    consent = Consent.objects.get(kind=Consent.Kind.E_INVOICE)
    log_in_staff(client, admin_user)
    listing = client.get(reverse("admin:accounts_consent_changelist")).content.decode()
    assert E_INVOICE_CONSENT_VERSION in listing
    assert "zgoda na faktury elektroniczne (e-faktura)" in listing
    assert client.get(reverse("admin:accounts_consent_add")).status_code == 403
    delete = reverse("admin:accounts_consent_delete", args=[consent.pk])
    assert client.get(delete).status_code == 403
    change = reverse("admin:accounts_consent_change", args=[consent.pk])
    client.post(change, {"version": "edited"})
    consent.refresh_from_db()
    assert consent.version == E_INVOICE_CONSENT_VERSION


def test_consents_outlive_the_customer_with_the_number(client, customer, invoice, terms):
    register(client, e_invoice=True)
    customer.delete()
    assert sorted(Consent.objects.values_list("customer_number", "customer")) == [
        ("001234", None),
        ("001234", None),
    ]
