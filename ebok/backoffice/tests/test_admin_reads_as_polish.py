"""The office reads as Polish: every model registered in the admin names itself in the form its
sentence needs ("Wybierz klienta do zmiany", "Dodaj fakturę", "19 odczytów"), from the forms
declared in ebok/backoffice/grammar.py. A model registered without them fails here."""

import re
import uuid
from datetime import date
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from ebok.accounts.models import (
    AccountChange,
    Consent,
    CorrespondenceAddress,
    DataExport,
    EmailConfirmation,
    Passkey,
)
from ebok.audit.models import AuditEvent
from ebok.backoffice.grammar import FORMS, forms_of
from ebok.cases.models import AnswerTemplate, Case, CaseType
from ebok.content.models import PrivacyPolicy
from ebok.customers.models import Customer, LeakWarning, Reading, ReadingWindow, ServicePoint
from ebok.integration.models import ApiCall, ApiToken
from ebok.notifications.models import Notice
from ebok.payments.models import Notification, OnlinePayment
from ebok.testing import log_in_staff, make_customer, make_point_with_meter

# Django's Polish catalogue writes every gender at once: "został(a)(-ło)", "wybrane(-nych)".
BRACKETED_ENDING = re.compile(r"\w\((?:a|o|y|i|go|-\w{1,4})\)")
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S)


def registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label_lower)


def assert_grammatical(html: str, opts):
    """No bracketed endings, no nominative after a verb, no count in the wrong plural form."""
    text = SCRIPT_OR_STYLE.sub("", html)
    assert not BRACKETED_ENDING.search(text), BRACKETED_ENDING.search(text).group(0)
    forms = forms_of(opts)
    nominative, plural = str(opts.verbose_name), str(opts.verbose_name_plural)
    if nominative != str(forms.accusative):
        for verb in ("Wybierz", "Dodaj", "Zmień", "Zobacz", "usunąć", "Usuń"):
            assert not re.search(rf"{verb} {re.escape(nominative)}\b", text), (verb, nominative)
    for noun in (nominative, plural):
        for match in re.finditer(rf"\b(\d+) {re.escape(noun)}\b", text):
            number = int(match.group(1))
            assert forms.count(number).startswith(match.group(0)), match.group(0)


@pytest.fixture
def office(db, settings, tmp_path):
    """A superuser in the office, with a record of every kind there is to open."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo_data", customers=2, years=1, verbosity=0)
    customer = Customer.objects.first()
    AuditEvent.objects.create(kind=AuditEvent.Kind.LOGIN, customer_number=customer.number)
    AnswerTemplate.objects.create(title="Odpowiedź", body="Dzień dobry")
    Case.objects.create(
        number="BOK/2026/000001",
        customer=customer,
        type=CaseType.objects.first(),
        subject="Pytanie",
        due_on=date(2026, 12, 31),
        idempotency_key=uuid.uuid4(),
    )
    point = ServicePoint.objects.first()
    ReadingWindow.objects.create(
        service_point=point,
        external_id="W1",
        opens_on=date(2026, 12, 1),
        closes_on=date(2026, 12, 5),
    )
    LeakWarning.objects.create(
        service_point=point, since=date(2026, 11, 1), daily_use=Decimal("2"), baseline=Decimal("1")
    )
    Consent.objects.create(
        customer=customer, customer_number=customer.number, kind="terms", version="1"
    )
    Notice.objects.create(customer=customer, event="invoice", occasion="invoice-1", channel="email")
    PrivacyPolicy.objects.create(version=1, text_pl="Polityka", text_en="Policy")
    token = ApiToken.objects.create(name="billing-nightly", secret_hash="0" * 64)
    ApiCall.objects.create(token=token, method="GET", path="/api/", status=200, duration_ms=3)
    payment = OnlinePayment.objects.create(provider="przelewy24", amount=Decimal("10.00"))
    Notification.objects.create(provider="przelewy24", payment=payment, outcome="accepted")
    user = get_user_model().objects.create_superuser("kierownik", password="Biuro-Obslugi-2026")
    Reading.objects.filter(meter__service_point=point).update(needs_review=True)
    AccountChange.objects.create(
        customer=customer, customer_number=customer.number, kind="email", value={"email": "a@b.pl"}
    )
    CorrespondenceAddress.objects.create(
        customer=customer, postal_code="07-100", city="Węgrów", street="ul. Gdańska 1"
    )
    Passkey.objects.create(user=user, name="Telefon", credential_id="cred-1", public_key=b"k")
    DataExport.objects.create(user=user, customer=customer)
    EmailConfirmation.objects.create(
        customer=customer,
        email="nowy@example.pl",
        purpose="change",
        token_hash="1" * 64,
        expires_at=timezone.now(),
    )
    return log_in_staff(Client(), user)


def test_every_registered_model_declares_its_forms_in_both_languages():
    labels = [model._meta.label_lower for model, _ in registered()]
    missing = [label for label in labels if label not in FORMS]
    assert missing == []
    for label, forms in FORMS.items():
        with translation.override("en"):
            english = (str(forms.accusative), str(forms.selected), forms.count(5))
        with translation.override("pl"):
            polish = (str(forms.accusative), str(forms.selected), forms.count(5))
        # Each form is translated (no Polish word is spelt as in English).
        assert all(p != e for p, e in zip(polish, english, strict=True)), (label, polish)


def test_every_page_of_every_model_reads_as_polish(office):
    walked = []
    for model, model_admin in registered():
        opts = model._meta
        forms = forms_of(opts)
        name = f"admin:{opts.app_label}_{opts.model_name}"

        response = office.get(reverse(f"{name}_changelist"))
        assert response.status_code == 200, opts.label
        html = response.content.decode()
        assert_grammatical(html, opts)
        assert forms.count(response.context["cl"].result_count) in html, opts.label

        add = office.get(reverse(f"{name}_add"))
        if model_admin.has_add_permission(add.wsgi_request):
            assert add.status_code == 200, opts.label
            assert f"Dodaj {forms.accusative}" in add.content.decode(), opts.label
            assert_grammatical(add.content.decode(), opts)
        else:
            assert add.status_code == 403, opts.label

        instance = model._default_manager.first()
        assert instance is not None, f"no {opts.label} to open"
        for page in ("change", "history", "delete"):
            response = office.get(reverse(f"{name}_{page}", args=[instance.pk]))
            if response.status_code == 403:
                assert page == "delete" and not model_admin.has_delete_permission(
                    response.wsgi_request, instance
                ), opts.label
                continue
            assert response.status_code == 200, (opts.label, page)
            assert_grammatical(response.content.decode(), opts)
            if page == "delete":
                assert f"usunąć {forms.accusative} „" in response.content.decode(), opts.label
        walked.append(opts.label_lower)
    assert "customers.customer" in walked and "billing.invoice" in walked


def test_titles_take_the_accusative(office):
    customers = office.get(reverse("admin:customers_customer_changelist")).content.decode()
    assert "Wybierz klienta do zmiany" in customers
    assert "Dodaj klienta" in customers
    new_customer = office.get(reverse("admin:customers_customer_add")).content.decode()
    assert "<h1>Dodaj klienta</h1>" in new_customer
    assert "&rsaquo; Dodaj klienta" in new_customer
    invoice = office.get(reverse("admin:billing_invoice_changelist")).content.decode()
    assert "Wybierz fakturę do obejrzenia" in invoice


@pytest.mark.parametrize(
    ("readings", "polish", "english"),
    [
        (1, "1 odczyt", "1 reading"),
        (2, "2 odczyty", "2 readings"),
        (19, "19 odczytów", "19 readings"),
    ],
)
def test_the_list_counts_in_polish_plural_forms(db, readings, polish, english):
    _point, meter = make_point_with_meter(make_customer())
    for day in range(1, readings + 1):
        Reading.objects.create(meter=meter, read_on=date(2026, 1, day), value=Decimal(day))
    user = get_user_model().objects.create_superuser("kierownik", password="Biuro-Obslugi-2026")
    office = log_in_staff(Client(), user)
    url = reverse("admin:customers_reading_changelist")
    paginator = re.compile(r'<p class="paginator">\s*(.*?)\s*</p>', re.S)
    assert paginator.search(office.get(url).content.decode()).group(1) == polish
    english_page = office.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert paginator.search(english_page).group(1) == english


def test_deleting_a_selection_speaks_of_the_selected_ones(office):
    url = reverse("admin:content_announcement_changelist")
    page = office.get(url).content.decode()
    assert "Usuń wybrane komunikaty" in page
    ids = [str(pk) for pk in office.get(url).context["cl"].result_list.values_list("pk", flat=True)]
    data = {"action": "delete_selected", "_selected_action": ids}
    confirmation = office.post(url, data).content.decode()
    assert "Czy na pewno usunąć wybrane komunikaty?" in confirmation
    done = office.post(url, {**data, "post": "yes"}, follow=True).content.decode()
    assert (
        f"Usunięto: {len(ids)} komunikaty." in done or f"Usunięto: {len(ids)} komunikatów." in done
    )


def test_english_reads_as_before(office):
    page = office.get(
        reverse("admin:customers_customer_changelist"), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Select customer to change" in page
    assert "Add customer" in page
    assert "2 customers" in page
