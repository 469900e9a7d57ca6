"""The office gives a login access to a customer number, changes its role and takes it away on
the customer's page; each change is audited and told to the number's e-mail on file."""

import pytest
from django.core import mail
from django.urls import reverse

from ebok.accounts.models import Membership
from ebok.audit.models import AuditEvent
from ebok.testing import make_account, make_customer

pytestmark = pytest.mark.django_db


def page_data(response) -> dict:
    """What the change form would post back as it stands."""
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        data[name] = "" if value is None else value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = value
        for subform in formset.forms:
            for name in subform.fields:
                value = subform[name].value()
                if hasattr(value, "pk"):
                    value = value.pk
                data[subform.add_prefix(name)] = "" if value is None else value
    return data


@pytest.fixture
def manager(db):
    return make_account(make_customer(number="000500", name="Zarządca", email_address="z@ex.pl"))


def url(customer):
    return reverse("admin:customers_customer_change", args=[customer.pk])


def test_an_operator_gives_a_login_access_and_the_owner_is_told(operator_client, account, manager):
    customer = account.customer
    data = page_data(operator_client.get(url(customer)))
    prefix = "memberships"
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": total + 1,
            f"{prefix}-{total}-user": manager.pk,
            f"{prefix}-{total}-role": "viewer",
            f"{prefix}-{total}-customer": customer.pk,
        }
    )
    response = operator_client.post(url(customer), data)
    assert response.status_code == 302
    membership = Membership.objects.get(user=manager, customer=customer)
    assert membership.role == "viewer"
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.MEMBERSHIP_GRANTED)
    assert event.customer == customer
    assert event.detail == "login 000500 as viewer"
    assert event.actor.username == "operator"
    [notice] = mail.outbox
    assert notice.to == ["jan@example.pl"]
    assert "Login „000500” ma teraz do niego dostęp" in notice.body
    assert "przeglądający" in notice.body


def test_an_operator_takes_access_away_and_the_open_session_loses_the_number(
    operator_client, client, account, manager
):
    customer = account.customer
    Membership.objects.create(user=manager, customer=customer, role="viewer")
    client.force_login(manager)
    client.post(reverse("accounts:switch_number"), {"customer_number": "001234"})
    assert "Witaj, 001234 !" in client.get(reverse("portal:info")).content.decode()

    data = page_data(operator_client.get(url(customer)))
    forms = int(data["memberships-TOTAL_FORMS"])
    for index in range(forms):
        if str(data[f"memberships-{index}-user"]) == str(manager.pk):
            data[f"memberships-{index}-DELETE"] = "on"
    assert operator_client.post(url(customer), data).status_code == 302

    assert not Membership.objects.filter(user=manager, customer=customer).exists()
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.MEMBERSHIP_REVOKED).count() == 1
    assert "Witaj, 000500 !" in client.get(reverse("portal:info")).content.decode()
    assert "Login „000500” nie ma już do niego dostępu." in mail.outbox[-1].body
