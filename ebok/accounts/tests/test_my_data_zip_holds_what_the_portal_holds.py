""" "My data": one click prepares a ZIP in the background with the customer's data as JSON and
CSV and the invoice PDFs stored; the login that asked downloads it for 24 hours; audited."""

import csv
import io
import json
import zipfile
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ebok.accounts import export
from ebok.accounts.consents import record_consents
from ebok.accounts.models import DataExport, Membership
from ebok.audit.models import AuditEvent
from ebok.billing.models import Invoice, InvoiceLine, Payment
from ebok.customers.models import Reading
from ebok.notifications.models import Channel, Notice
from ebok.testing import NOW, PASSWORD, make_account, make_customer, make_history

pytestmark = pytest.mark.usefixtures("clock", "media")

URL = reverse("accounts:my_data")


@pytest.fixture
def logged_in(client, account, customer):
    make_history(customer, years=2)
    record_consents(customer, terms=None, e_invoice=True, ip_address="192.0.2.1")
    invoice = Invoice.objects.order_by("issued_on").first()
    invoice.pdf.save("fv.pdf", ContentFile(b"%PDF-1.4 faktura"), save=True)
    sent_notices(customer, invoice)
    client.post(reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD})
    return client


def sent_notices(customer, invoice):
    """A reminder e-mailed, and an SMS the gateway refused."""
    Notice.objects.create(
        customer=customer,
        event="payment_due",
        occasion=f"invoice-{invoice.pk}",
        channel=Channel.EMAIL,
        recipient="jan@example.pl",
        subject="Przypomnienie o terminie płatności",
        status=Notice.Status.SENT,
        created_at=NOW - timedelta(days=2),
        sent_at=NOW - timedelta(days=2, minutes=-1),
        data={"invoice": invoice.pk},
    )
    Notice.objects.create(
        customer=customer,
        event="overdue",
        occasion=f"invoice-{invoice.pk}",
        channel=Channel.SMS,
        recipient="+48601234567",
        status=Notice.Status.FAILED,
        created_at=NOW - timedelta(days=1),
    )


def download(client):
    client.post(URL)
    export = DataExport.objects.get()
    page = client.get(URL).content.decode()
    link = reverse("accounts:my_data_download", args=[export.pk])
    assert f'href="{link}"' in page
    response = client.get(link)
    assert response["Content-Disposition"].startswith("attachment")
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_zip_holds_the_json_the_csv_files_and_the_pdfs(logged_in, customer):
    archive = download(logged_in)
    names = set(archive.namelist())
    for name in [
        "data.json",
        "customer.csv",
        "service_points.csv",
        "meters.csv",
        "readings.csv",
        "invoices.csv",
        "charges.csv",
        "payments.csv",
        "consents.csv",
        "notices.csv",
        "logins.csv",
    ]:
        assert name in names, name
    first = Invoice.objects.order_by("issued_on").first()
    assert archive.read(f"invoices/{first.number.replace('/', '-')}.pdf") == b"%PDF-1.4 faktura"

    data = json.loads(archive.read("data.json"))
    assert data["schema"] == "ebok-my-data/1"
    assert data["customer"]["number"] == "001234"
    assert data["customer"]["email"] == "jan@example.pl"
    assert len(data["invoices"]) == Invoice.objects.filter(customer=customer).count() == 12
    assert len(data["charges"]) == InvoiceLine.objects.count()
    assert len(data["readings"]) == Reading.objects.count()
    assert len(data["payments"]) == Payment.objects.count()
    assert data["invoices"][0]["gross"] == "108.00"
    assert data["invoices"][0]["number"] == first.number
    assert data["readings"][-1]["value"] == str(Reading.objects.order_by("-read_on").first().value)
    assert [c["kind"] for c in data["consents"]] == ["terms", "e_invoice"]
    assert data["logins"][0]["kind"] == "login"
    assert data["notices"] == [
        {
            "created_at": "2026-11-23T09:00:00+00:00",
            "event": "payment_due",
            "channel": "email",
            "recipient": "jan@example.pl",
            "subject": "Przypomnienie o terminie płatności",
            "status": "sent",
            "sent_at": "2026-11-23T09:01:00+00:00",
        },
        {
            "created_at": "2026-11-24T09:00:00+00:00",
            "event": "overdue",
            "channel": "sms",
            "recipient": "+48601234567",
            "subject": "",
            "status": "failed",
            "sent_at": None,
        },
    ]
    notices = list(csv.DictReader(io.StringIO(archive.read("notices.csv").decode())))
    assert [(row["event"], row["status"], row["sent_at"]) for row in notices] == [
        ("payment_due", "sent", "2026-11-23T09:01:00+00:00"),
        ("overdue", "failed", ""),
    ]

    readings = list(csv.DictReader(io.StringIO(archive.read("readings.csv").decode())))
    assert [row["value"] for row in readings] == [row["value"] for row in data["readings"]]
    assert Decimal(readings[0]["value"]) == Decimal("109.500")


def test_another_customers_notices_stay_out(logged_in, stranger):
    Notice.objects.create(
        customer=stranger, event="new_invoice", occasion="x", channel=Channel.EMAIL
    )
    data = json.loads(download(logged_in).read("data.json"))
    assert {row["recipient"] for row in data["notices"]} == {"jan@example.pl", "+48601234567"}


def test_the_export_takes_as_many_queries_for_ten_years_as_for_one(customer, account):
    """The rows are streamed by section, so the queries do not grow with the history."""
    veteran = make_customer(number="007777", email_address="stary@example.pl")
    make_account(veteran)
    for who, years in [(customer, 1), (veteran, 10)]:
        make_history(who, years=years)
        for invoice in Invoice.objects.filter(customer=who):
            invoice.pdf.save("fv.pdf", ContentFile(b"%PDF-1.4 faktura"), save=True)
            sent_notices(who, invoice)

    def queries(who) -> int:
        job = DataExport.objects.create(user=who.account, customer=who)
        with CaptureQueriesContext(connection) as captured:
            export.build(job.pk)
        job.refresh_from_db()
        assert job.status == DataExport.Status.READY
        return len(captured)

    assert Notice.objects.filter(customer=veteran).count() == 120
    assert queries(customer) == queries(veteran)


def test_asking_and_downloading_are_audited(logged_in):
    download(logged_in)
    kinds = set(AuditEvent.objects.values_list("kind", flat=True))
    assert {"data_export_requested", "data_export_downloaded"} <= kinds


def test_the_link_lasts_24_hours(logged_in, clock):
    logged_in.post(URL)
    export = DataExport.objects.get()
    clock.shift(timedelta(hours=24, seconds=1))
    logged_in.post(reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD})
    assert "link wygasł" in logged_in.get(URL).content.decode()
    link = reverse("accounts:my_data_download", args=[export.pk])
    response = logged_in.get(link)
    assert response.status_code == 410
    assert "Link do pobrania wygasł." in response.content.decode()


def test_another_login_cannot_download_it(logged_in, client, stranger):
    logged_in.post(URL)
    export = DataExport.objects.get()
    link = reverse("accounts:my_data_download", args=[export.pk])
    logged_in.post(reverse("accounts:logout"))
    logged_in.post(reverse("accounts:login"), {"customer_number": "009999", "password": PASSWORD})
    assert logged_in.get(link).status_code == 404


def test_a_viewer_cannot_export_the_numbers_data(client, customer):
    viewer = make_account(make_customer(number="005555", email_address="ola@example.pl"))
    Membership.objects.create(user=viewer, customer=customer, role=Membership.Role.VIEWER)
    client.post(reverse("accounts:login"), {"customer_number": "005555", "password": PASSWORD})
    client.post(reverse("accounts:switch_number"), {"customer_number": "001234"})
    assert client.post(URL).status_code == 403
    assert not DataExport.objects.exists()
