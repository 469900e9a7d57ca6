"""What the billing system owns (invoices and their charges, payments, service points, meters,
reading windows, the readings and documents it pushed, and its customers) is read in the
office, never added, edited or deleted: not by an operator, an administrator or a superuser.
What the office keeps of its own (customers' readings, its documents, its customers, the
account's actions) works as before."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from ebok.backoffice.roles import ADMINISTRATOR, OPERATOR
from ebok.backoffice.tests.conftest import STAFF_PASSWORD, make_staff
from ebok.billing.models import Invoice, InvoiceLine, Payment
from ebok.content.models import Document
from ebok.customers.models import Customer, Reading, ReadingWindow
from ebok.testing import log_in_staff, make_customer, make_point_with_meter

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 10, 15)


@pytest.fixture
def records(customer, roles):
    customer.external_id = "K-1234"
    customer.save()
    point, meter = make_point_with_meter(customer)
    invoice = Invoice.objects.create(
        customer=customer,
        number="FV/2026/10/1",
        issued_on=DAY,
        due_on=DAY,
        net=Decimal("100.00"),
        vat=Decimal("8.00"),
        gross=Decimal("108.00"),
        external_id="F-1",
    )
    InvoiceLine.objects.create(
        invoice=invoice,
        service_point=point,
        description="Woda",
        quantity=Decimal("1.000"),
        unit="m³",
        unit_net_price=Decimal("100.00"),
        vat_rate=Decimal("8.00"),
        net=Decimal("100.00"),
        vat=Decimal("8.00"),
        gross=Decimal("108.00"),
    )
    return {
        "invoice": invoice,
        "payment": Payment.objects.create(customer=customer, paid_on=DAY, amount=Decimal(108)),
        "servicepoint": point,
        "meter": meter,
        "reading": Reading.objects.create(
            meter=meter, read_on=DAY, value=Decimal(5), source="reader", external_id="R-1"
        ),
        "readingwindow": ReadingWindow.objects.create(
            service_point=point, external_id="W-1", opens_on=DAY, closes_on=DAY
        ),
        "document": Document.objects.create(
            title="Umowa", date=DAY, file="documents/2026/umowa.pdf", external_id="D-1"
        ),
    }


def admin_url(obj, view="change"):
    opts = obj._meta
    args = [] if view in ("add", "changelist") else [obj.pk]
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def superuser():
    return get_user_model().objects.create_superuser("kierownik", password=STAFF_PASSWORD)


@pytest.fixture(params=[OPERATOR, ADMINISTRATOR, "superuser"])
def staff(request, roles):
    if request.param == "superuser":
        return log_in_staff(Client(), superuser())
    return log_in_staff(Client(), make_staff(request.param.lower(), request.param))


def test_staff_read_billing_records_but_cannot_change_or_delete_them(staff, records):
    for name, obj in records.items():
        page = staff.get(admin_url(obj))
        assert page.status_code == 200, name
        html = page.content.decode()
        assert 'name="_save"' not in html, name
        assert "deletelink" not in html, name
        # The form's fields shown as text, not inputs.
        assert "readonly" in html, name
        assert staff.post(admin_url(obj), {}).status_code == 403, name
        assert staff.get(admin_url(obj, "delete")).status_code == 403, name
        assert staff.post(admin_url(obj, "delete"), {"post": "yes"}).status_code == 403, name
        assert type(obj).objects.filter(pk=obj.pk).exists(), name


def test_nobody_adds_what_only_the_billing_system_sends(staff, records):
    for name in ("invoice", "payment", "servicepoint", "meter", "readingwindow"):
        obj = records[name]
        assert staff.get(admin_url(obj, "add")).status_code == 403, name
        changelist = staff.get(admin_url(obj, "changelist")).content.decode()
        assert admin_url(obj, "add") not in changelist, name
        assert 'value="delete_selected"' not in changelist, name


def test_deleting_a_selection_of_billing_records_is_refused(staff, records):
    for name in ("invoice", "payment", "reading", "document"):
        obj = records[name]
        data = {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"}
        staff.post(admin_url(obj, "changelist"), data)
        assert type(obj).objects.filter(pk=obj.pk).exists(), name


def test_invoice_lines_and_meters_inline_are_read_only(records):
    office = log_in_staff(Client(), superuser())
    invoice = office.get(admin_url(records["invoice"])).content.decode()
    assert "Woda" in invoice
    assert 'name="lines-0-description"' not in invoice
    point = office.get(admin_url(records["servicepoint"])).content.decode()
    assert "WM-001" in point
    assert "-0-serial_number" not in point


def test_the_offices_own_records_stay_editable(records, customer):
    operator = log_in_staff(Client(), make_staff("operator", OPERATOR))
    submitted = Reading.objects.create(
        meter=records["meter"], read_on=DAY + dt.timedelta(days=1), value=7, source="customer"
    )
    page = operator.get(admin_url(submitted)).content.decode()
    assert 'name="_save"' in page
    response = operator.post(
        admin_url(submitted),
        {
            "meter": records["meter"].pk,
            "read_on": "2026-10-16",
            "value": "7.500",
            "source": "customer",
        },
    )
    assert response.status_code == 302, response.context["errors"]
    submitted.refresh_from_db()
    assert submitted.value == Decimal("7.500")
    office_document = Document.objects.create(title="Cennik", date=DAY, file="documents/c.pdf")
    assert 'name="_save"' in operator.get(admin_url(office_document)).content.decode()
    assert operator.get(admin_url(office_document, "delete")).status_code == 200


def test_a_customer_from_billing_is_not_deleted_and_the_account_actions_still_work(
    records, customer, account
):
    administrator = log_in_staff(Client(), make_staff("administrator", ADMINISTRATOR))
    assert administrator.get(admin_url(customer, "delete")).status_code == 403
    changelist = administrator.get(admin_url(customer, "changelist")).content.decode()
    assert 'value="delete_selected"' not in changelist
    own = make_customer(number="009999", name="Klient biura", email_address="biuro@example.pl")
    assert administrator.get(admin_url(own, "delete")).status_code == 200
    # The office's own actions on the billing system's customer.
    page = administrator.get(admin_url(customer)).content.decode()
    assert 'name="_save"' in page  # e-mail and phone stay editable
    end_sessions = reverse("admin:customers_customer_account_end_sessions", args=[customer.pk])
    assert administrator.post(end_sessions).status_code == 302
    assert Customer.objects.filter(pk=customer.pk).exists()


def test_visitors_who_are_not_staff_are_sent_to_the_login(client, records, customer, account):
    for who in (None, account):
        if who:
            client.force_login(who)
        for name, obj in records.items():
            for view in ("change", "delete"):
                response = client.post(admin_url(obj, view), {"post": "yes"})
                assert response.status_code == 302, (name, view)
                assert response.url.startswith(reverse("admin:login")), (name, view)
            assert type(obj).objects.filter(pk=obj.pk).exists()
