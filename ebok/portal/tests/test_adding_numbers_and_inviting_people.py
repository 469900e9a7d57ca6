"""A login adds a number with an invoice (its owner consents by e-mail), and an owner invites
someone by e-mail, sees who has access, takes it away and cancels invitations."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from ebok.accounts.models import Membership
from ebok.accounts.tests.helpers import make_invoice
from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD, make_account, make_customer

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Zielona-Łąka-nad-Liwcem"


def link_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/email/confirm/\S+/)", message.body).group(1)


@pytest.fixture
def manager(db):
    return make_account(make_customer(number="000500", name="Zarządca", email_address="z@ex.pl"))


def add_number(client, number="001234", invoice="FV/2026/11/000123", gross="60,00"):
    return client.post(
        reverse("portal:number_add"),
        {"customer_number": number, "invoice_number": invoice, "gross": gross},
        follow=True,
    )


def test_a_number_with_an_owner_is_added_only_when_the_owner_consents(client, manager, account):
    make_invoice(account.customer)
    client.force_login(manager)
    page = add_number(client).content.decode()
    assert "Jeśli dane są zgodne" in page
    assert not Membership.objects.filter(user=manager, customer=account.customer).exists()
    [request] = mail.outbox
    assert request.to == ["jan@example.pl"]  # the owner's address, not the manager's
    assert "000500" in request.body

    owner_browser = client.__class__()
    assert "Udziel dostępu" in owner_browser.get(link_path(request)).content.decode()
    assert not Membership.objects.filter(user=manager, customer=account.customer).exists()
    owner_browser.post(link_path(request))
    membership = Membership.objects.get(user=manager, customer=account.customer)
    assert membership.role == Membership.Role.VIEWER
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.MEMBERSHIP_GRANTED).count() == 1
    # The link works once.
    assert owner_browser.post(link_path(request)).status_code == 404


def test_wrong_invoice_data_add_nothing_and_count_as_a_failure(client, manager, account):
    make_invoice(account.customer)
    client.force_login(manager)
    add_number(client, gross="61,00")
    assert mail.outbox == []
    assert not Membership.objects.filter(user=manager, customer=account.customer).exists()
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.ACCESS_REFUSED).count() == 1


def test_a_number_with_an_own_password_and_no_email_is_never_added(client, manager, account):
    account.customer.email = ""
    account.customer.save()
    make_invoice(account.customer)
    client.force_login(manager)
    add_number(client)
    assert mail.outbox == []
    assert not Membership.objects.filter(user=manager, customer=account.customer).exists()


def test_a_number_without_an_account_or_email_is_added_at_once_as_owner(client, manager):
    customer = make_customer(number="000777", name="Działka", email_address="")
    make_invoice(customer)
    client.force_login(manager)
    add_number(client, number="000777")
    assert Membership.objects.get(user=manager, customer=customer).role == "owner"


def test_a_viewer_cannot_manage_access(client, manager, account):
    Membership.objects.create(user=manager, customer=account.customer, role="viewer")
    client.force_login(manager)
    client.post(reverse("accounts:switch_number"), {"customer_number": "001234"})
    assert client.get(reverse("portal:access")).status_code == 404
    assert (
        client.post(reverse("portal:access"), {"email": "x@ex.pl", "role": "owner"}).status_code
        == 404
    )
    assert mail.outbox == []


def test_an_invited_person_creates_a_login_and_logs_in_with_the_number(client, account):
    client.force_login(account)
    response = client.post(reverse("portal:access"), {"email": "Ola@Ex.pl", "role": "viewer"})
    assert response.url == reverse("portal:access")
    [invitation] = mail.outbox
    assert invitation.to == ["Ola@Ex.pl"]
    assert "ola@ex.pl" in client.get(reverse("portal:access")).content.decode().lower()

    guest = client.__class__()
    path = link_path(invitation)
    assert "Zaproszenie do e-BOK." in guest.get(path).content.decode()
    short = guest.post(path, {"new_password1": "krótkie", "new_password2": "krótkie"})
    assert "minimalną długość" in short.content.decode()
    done = guest.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert "Zaproszenie przyjęte." in done.content.decode()
    login = Membership.objects.get(customer=account.customer, role="viewer").user
    assert login.username == "ola@ex.pl"
    assert login.customer is None

    logged = guest.post(
        reverse("accounts:login"), {"customer_number": "001234", "password": NEW_PASSWORD}
    )
    assert logged.url == reverse("portal:info")
    assert "Witaj, 001234 !" in guest.get(reverse("portal:info")).content.decode()
    # The owner's own password still logs the owner in, as their own login.
    owner = client.__class__()
    owner.post(reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD})
    assert int(owner.session["_auth_user_id"]) == account.pk


def test_an_invitation_is_accepted_by_the_login_in_use(client, account, manager):
    client.force_login(account)
    client.post(reverse("portal:access"), {"email": "z@ex.pl", "role": "owner"})
    other = client.__class__()
    other.force_login(manager)
    other.post(link_path(mail.outbox[-1]))
    assert Membership.objects.get(user=manager, customer=account.customer).role == "owner"


def test_the_owner_takes_access_away_and_cancels_an_invitation(client, account, manager):
    membership = Membership.objects.create(user=manager, customer=account.customer, role="viewer")
    client.force_login(account)
    client.post(reverse("portal:access"), {"email": "gosc@ex.pl", "role": "viewer"})
    invitation_link = link_path(mail.outbox[-1])
    page = client.get(reverse("portal:access")).content.decode()
    assert "000500" in page and "gosc@ex.pl" in page

    client.post(reverse("portal:access_revoke", args=[membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    from ebok.accounts.models import EmailConfirmation

    invitation = EmailConfirmation.objects.get(email="gosc@ex.pl")
    client.post(reverse("portal:invitation_cancel", args=[invitation.pk]))
    assert client.__class__().get(invitation_link).status_code == 404


def test_the_owner_cannot_take_away_their_own_access(client, account):
    client.force_login(account)
    own = Membership.objects.get(user=account)
    assert client.post(reverse("portal:access_revoke", args=[own.pk])).status_code == 404
    assert Membership.objects.filter(pk=own.pk).exists()


def test_an_owner_cannot_take_the_numbers_own_login_away(client, account, manager):
    Membership.objects.create(user=manager, customer=account.customer, role="owner")
    client.force_login(manager)
    client.post(reverse("accounts:switch_number"), {"customer_number": "001234"})
    own = Membership.objects.get(user=account, customer=account.customer)
    assert client.post(reverse("portal:access_revoke", args=[own.pk])).status_code == 404
    assert Membership.objects.filter(pk=own.pk).exists()
    assert "własny login numeru" in client.get(reverse("portal:access")).content.decode()
