"""The account area's records in the admin: changes of contact data and consents, consents,
correspondence addresses, passkeys, data exports and e-mail confirmations. History: read, never
added, edited or deleted, by anybody; searchable by customer number; times in Warsaw time.
Tried logged out, as a customer, as staff without the view permission, with it, and as an
administrator holding every permission."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from ebok.accounts.models import (
    AccountChange,
    Consent,
    CorrespondenceAddress,
    DataExport,
    EmailConfirmation,
    Passkey,
)
from ebok.backoffice.tests.conftest import make_staff
from ebok.testing import log_in_staff

pytestmark = pytest.mark.django_db

# 10:00 UTC on a summer day is 12:00 in Warsaw.
AT = datetime(2026, 7, 1, 10, 0, tzinfo=UTC)

MODELS = [AccountChange, Consent, CorrespondenceAddress, Passkey, DataExport, EmailConfirmation]


def make_records(customer) -> dict:
    user = customer.account
    return {
        AccountChange: AccountChange.objects.create(
            customer=customer,
            customer_number=customer.number,
            kind=AccountChange.Kind.PHONE,
            value={"phone": "+48601234567"},
            changed_at=AT,
        ),
        Consent: Consent.objects.create(
            customer=customer, customer_number=customer.number, version="1", given_at=AT
        ),
        CorrespondenceAddress: CorrespondenceAddress.objects.create(
            customer=customer, postal_code="07-100", city="Węgrów", street=f"ul. {customer.name}"
        ),
        Passkey: Passkey.objects.create(
            user=user,
            name=f"Telefon {customer.number}",
            credential_id=f"cred-{customer.number}",
            public_key=b"\x01\x02",
            created_at=AT,
        ),
        DataExport: DataExport.objects.create(
            user=user,
            customer=customer,
            status=DataExport.Status.READY,
            file=f"exports/{customer.number}-20260701.zip",
            created_at=AT,
            expires_at=AT + timedelta(hours=24),
        ),
        EmailConfirmation: EmailConfirmation.objects.create(
            customer=customer,
            email=f"nowy-{customer.number}@example.pl",
            purpose=EmailConfirmation.Purpose.CHANGE,
            token_hash=f"{customer.number}-secret-hash",
            created_at=AT,
            expires_at=AT + timedelta(hours=24),
        ),
    }


@pytest.fixture
def records(account, customer):
    return make_records(customer)


def info(model) -> str:
    return f"admin:{model._meta.app_label}_{model._meta.model_name}"


def pages(records) -> list[str]:
    urls = []
    for model, obj in records.items():
        urls += [reverse(f"{info(model)}_changelist"), reverse(f"{info(model)}_add")]
        for view in ["change", "delete", "history"]:
            urls.append(reverse(f"{info(model)}_{view}", args=[obj.pk]))
    return urls


def viewer():
    """Staff who may view these records, and nothing else."""
    clerk = make_staff("clerk")
    codenames = [f"view_{model._meta.model_name}" for model in MODELS]
    clerk.user_permissions.set(
        Permission.objects.filter(content_type__app_label="accounts", codename__in=codenames)
    )
    return clerk


def test_logged_out_visitors_and_customers_are_sent_to_the_admin_login(client, records, customer):
    for who in [None, customer.account]:
        if who:
            client.force_login(who)
        for url in pages(records):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("admin:login")), url


def test_staff_without_the_view_permission_are_refused(client, records):
    log_in_staff(client, make_staff("newcomer"))
    for url in pages(records):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("who", ["viewer", "administrator"])
def test_nobody_adds_changes_or_deletes_them(client, records, who):
    user = viewer() if who == "viewer" else make_staff("root")
    if who == "administrator":
        user.user_permissions.set(Permission.objects.filter(content_type__app_label="accounts"))
    log_in_staff(client, user)
    for model, obj in records.items():
        assert client.get(reverse(f"{info(model)}_changelist")).status_code == 200, model
        assert client.get(reverse(f"{info(model)}_change", args=[obj.pk])).status_code == 200
        assert client.get(reverse(f"{info(model)}_history", args=[obj.pk])).status_code == 200
        assert client.get(reverse(f"{info(model)}_add")).status_code == 403, model
        delete = reverse(f"{info(model)}_delete", args=[obj.pk])
        assert client.get(delete).status_code == 403, model
        assert client.post(delete, {"post": "yes"}).status_code == 403, model
        change = reverse(f"{info(model)}_change", args=[obj.pk])
        assert client.post(change, {"name": "zmienione", "city": "Zmienione"}).status_code == 403
        assert model.objects.filter(pk=obj.pk).exists()
    assert Passkey.objects.get().name == "Telefon 001234"
    assert CorrespondenceAddress.objects.get().city == "Węgrów"


def test_each_list_finds_the_records_of_a_customer_number(client, records, stranger):
    make_records(stranger)
    log_in_staff(client, viewer())
    for model in MODELS:
        url = reverse(f"{info(model)}_changelist")
        assert client.get(url).context["cl"].result_count == 2, model
        found = client.get(url, {"q": "009999"}).context["cl"].result_list
        assert len(found) == 1, model
        assert found[0] == model.objects.exclude(pk=records[model].pk).get()


def test_times_are_shown_in_warsaw_time(client, records):
    log_in_staff(client, viewer())
    for model in [AccountChange, Consent, Passkey, DataExport, EmailConfirmation]:
        page = client.get(reverse(f"{info(model)}_changelist")).content.decode()
        assert "2026-07-01 12:00" in page, model
        assert "2026-07-01 10:00" not in page, model


def test_the_pages_keep_secrets_and_files_out(client, records):
    log_in_staff(client, viewer())
    confirmation = records[EmailConfirmation]
    page = client.get(reverse(f"{info(EmailConfirmation)}_change", args=[confirmation.pk]))
    assert "nowy-001234@example.pl" in page.content.decode()
    assert "secret-hash" not in page.content.decode()
    export = records[DataExport]
    page = client.get(reverse(f"{info(DataExport)}_change", args=[export.pk])).content.decode()
    assert "Plik zachowany" in page
    assert "exports/001234" not in page
    passkey = records[Passkey]
    page = client.get(reverse(f"{info(Passkey)}_change", args=[passkey.pk])).content.decode()
    assert "Telefon 001234" in page
    assert "Klucz publiczny" not in page


def test_the_office_start_page_names_them_in_polish(client, records):
    log_in_staff(client, viewer())
    page = client.get(reverse("admin:index")).content.decode()
    for name in [
        "Zmiany danych kontaktowych i zgód",
        "Zgody",
        "Adresy korespondencyjne",
        "Klucze dostępu",
        "Eksporty danych",
        "Potwierdzenia adresów e-mail",
    ]:
        assert f">{name}</a>" in page, name
