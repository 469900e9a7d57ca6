"""Every page of the admin and every account action, tried by each kind of visitor.

Logged out, as a customer, and as staff who gave the password but not yet the second factor:
the admin's login page. As staff without permissions: 403. As an operator or administrator:
200 exactly where the role's permissions (and the page's own rules, e.g. nobody adds audit
events) allow it, 403 elsewhere. The temporary password's confirmation page (a GET of its
action) is tried like the actions.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.test import RequestFactory
from django.urls import reverse

from ebok.accounts.models import Consent
from ebok.accounts.services import issue_temporary_password
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.backoffice.tests.conftest import confirm, make_staff
from ebok.billing.models import Invoice, Payment
from ebok.content.models import Announcement, Document
from ebok.customers.models import Reading
from ebok.testing import authenticator, log_in_staff, make_point_with_meter

pytestmark = pytest.mark.django_db

VIEWS = ["changelist", "add", "change", "delete", "history"]
ACTIONS = ["letter", "end_sessions", "lift_throttle", "disable", "enable"]


def one_of_each(customer) -> dict:
    """An object of every model registered in the admin that this project knows how to make."""
    point, meter = make_point_with_meter(customer)
    day = dt.date(2026, 1, 15)
    invoice = Invoice.objects.create(
        customer=customer, number="FV/1", issued_on=day, due_on=day, net=1, vat=0, gross=1
    )
    objects = [
        Group.objects.create(name="Testers"),
        customer.account,
        Consent.objects.create(customer=customer, customer_number="001234", version="1"),
        customer,
        point,
        meter,
        Reading.objects.create(meter=meter, read_on=day, value=Decimal(1), source="reader"),
        invoice,
        Payment.objects.create(customer=customer, paid_on=day, amount=Decimal(1)),
        Announcement.objects.create(title="Nowe stawki", date=day),
        Document.objects.create(title="Umowa", date=day, file="documents/2026/umowa.pdf"),
        record(AuditEvent.Kind.LOGIN, customer=customer),
    ]
    made = {type(obj): obj for obj in objects}
    # Models of apps this test does not know (e.g. the integration API): any existing row.
    for model in admin.site._registry:
        if model not in made and model.objects.exists():
            made[model] = model.objects.first()
    return made


def admin_urls(objects) -> list[tuple[str, str, object]]:
    """(url, view, model) for every registered model's pages."""
    urls = []
    for model in admin.site._registry:
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls.append((reverse(f"{info}_changelist"), "changelist", model))
        urls.append((reverse(f"{info}_add"), "add", model))
        if model in objects:
            pk = objects[model].pk
            for view in ["change", "delete", "history"]:
                urls.append((reverse(f"{info}_{view}", args=[pk]), view, model))
    return urls


def allowed(user, view, model) -> bool:
    """Whether the page should open: the page's own rules (as for a superuser) and the user's
    permissions, read from the database by codename."""
    model_admin = admin.site._registry[model]
    superuser = RequestFactory().get("/")
    superuser.user = type("Superuser", (AnonymousUser,), {"has_perm": lambda *a, **k: True})()
    superuser.user.is_active = superuser.user.is_staff = True
    opts = model._meta

    def has(action):
        return user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")

    if view == "add":
        return model_admin.has_add_permission(superuser) and has("add")
    if view == "delete":
        return model_admin.has_delete_permission(superuser) and has("delete")
    return has("view") or (model_admin.has_change_permission(superuser) and has("change"))


@pytest.fixture
def objects(db, account, customer, roles):
    issue_temporary_password(customer)
    return one_of_each(customer)


def statuses(client, urls):
    return {url: client.get(url) for url, _view, _model in urls}


def test_logged_out_visitors_are_sent_to_the_admin_login(client, objects):
    for url, response in statuses(client, admin_urls(objects)).items():
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("admin:login")), url


def test_customers_are_sent_to_the_admin_login(client, objects, customer):
    client.force_login(customer.account)
    for url, response in statuses(client, admin_urls(objects)).items():
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("admin:login")), url


@pytest.mark.parametrize("role", ["Operator", "Administrator"])
def test_staff_without_the_second_factor_are_sent_to_the_admin_login(
    client, objects, customer, role
):
    """Password given (a logged-in session), authenticator code not yet: no page opens."""
    user = make_staff(role.lower(), role)
    authenticator(user)
    client.force_login(user)
    for url, response in statuses(client, admin_urls(objects)).items():
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("admin:login")), url
    for name in ACTIONS:
        for response in [
            client.get(action_url(name, customer)),
            client.post(action_url(name, customer)),
            client.post(action_url(name, customer), {"confirm": "yes"}),
        ]:
            assert response.status_code == 302, name
            assert response.url.startswith(reverse("admin:login")), name
    assert AuditEvent.objects.filter(actor=user).count() == 0


def test_staff_without_permissions_are_refused_everywhere(client, objects):
    log_in_staff(client, make_staff("newcomer"))
    for url, response in statuses(client, admin_urls(objects)).items():
        assert response.status_code == 403, url


@pytest.mark.parametrize("role", ["Operator", "Administrator"])
def test_each_role_opens_exactly_the_pages_its_permissions_allow(client, objects, role):
    user = make_staff(role.lower(), role)
    log_in_staff(client, user)
    urls = admin_urls(objects)
    wrong = []
    for url, view, model in urls:
        expected = 200 if allowed(user, view, model) else 403
        status = client.get(url).status_code
        if status != expected:
            wrong.append((url, status, expected))
    assert wrong == []
    opened = sum(allowed(user, view, model) for _url, view, model in urls)
    assert opened >= 30  # the walk did open the office's pages


def action_url(name, customer) -> str:
    return reverse(f"admin:customers_customer_account_{name}", args=[customer.pk])


def seen(customer) -> str:
    """What a confirmation page shown now would send back for the customer."""
    customer.account.refresh_from_db()
    return customer.account.password_changed_at.isoformat()


def test_account_actions_send_logged_out_visitors_and_customers_to_the_admin_login(
    client, objects, customer
):
    for who in [None, customer.account]:
        if who:
            client.force_login(who)
        for name in ACTIONS:
            for response in [
                client.get(action_url(name, customer)),
                client.post(action_url(name, customer)),
                client.post(action_url(name, customer), {"confirm": "yes"}),
            ]:
                assert response.status_code == 302, name
                assert response.url.startswith(reverse("admin:login")), name
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.TEMPORARY_PASSWORD_ISSUED).count() == 1


def test_account_actions_need_the_account_permission(client, objects, customer):
    """Staff who may change customers, but not manage their accounts."""
    clerk = make_staff("clerk")
    clerk.user_permissions.set(
        Permission.objects.filter(codename__in=["view_customer", "change_customer"])
    )
    log_in_staff(client, clerk)
    page = client.get(reverse("admin:customers_customer_change", args=[customer.pk]))
    assert page.status_code == 200
    assert "Zakończ wszystkie sesje" not in page.content.decode()
    for name in ACTIONS:
        assert client.post(action_url(name, customer)).status_code == 403, name
    assert client.get(action_url("letter", customer)).status_code == 403
    confirmed = {"confirm": "yes", f"seen-{customer.pk}": seen(customer)}
    assert client.post(action_url("letter", customer), confirmed).status_code == 403
    changelist = reverse("admin:customers_customer_changelist")
    data = {"action": "print_temporary_password_letters", "_selected_action": [customer.pk]}
    assert client.post(changelist, data).get("Content-Type") != "application/pdf"
    response = client.post(changelist, {**data, **confirmed})
    assert response.get("Content-Type") != "application/pdf"
    assert "Wydać hasło tymczasowe?" not in response.content.decode()
    assert AuditEvent.objects.filter(actor=clerk).count() == 0


def test_staff_without_permissions_cannot_use_account_actions(client, objects, customer):
    log_in_staff(client, make_staff("newcomer"))
    for name in ACTIONS:
        assert client.post(action_url(name, customer)).status_code == 403, name
    assert client.get(action_url("letter", customer)).status_code == 403
    confirmed = {"confirm": "yes", f"seen-{customer.pk}": seen(customer)}
    assert client.post(action_url("letter", customer), confirmed).status_code == 403


@pytest.mark.parametrize("role", ["Operator", "Administrator"])
def test_each_role_can_use_every_account_action(client, objects, customer, role):
    log_in_staff(client, make_staff(role.lower(), role))
    change_page = reverse("admin:customers_customer_change", args=[customer.pk])
    for name in ACTIONS:
        if name == "letter":
            # GET: the confirmation page; its "Yes": the letter.
            page = client.get(action_url(name, customer))
            assert page.status_code == 200
            response = confirm(client, page)
            assert response.status_code == 200
            assert response["Content-Type"] == "application/pdf"
        elif name == "disable":
            # GET: what disabling does; its "Yes" disables.
            assert client.get(action_url(name, customer)).status_code == 200
            response = client.post(action_url(name, customer), {"confirm": "yes"})
            assert response.status_code == 302
            assert response.url == change_page
        else:
            assert client.get(action_url(name, customer)).status_code == 405, name
            response = client.post(action_url(name, customer))
            assert response.status_code == 302, name
            assert response.url == change_page
            assert client.get(response.url).status_code == 200
