"""My data (GDPR articles 15 and 20): one ZIP with everything the portal holds about a customer.

data.json holds it all (schema: docs/my-data.md); each section is also a CSV file for a
spreadsheet; invoices/ holds the invoice PDFs stored. Built in the background (tasks.py), read
with iterator() so that ten years of history stay in bounded memory, written to a temporary
file first, so a half-built ZIP is never offered.
"""

import csv
import io
import json
import tempfile
import zipfile
from datetime import timedelta

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from ebok.accounts.contact import correspondence_address
from ebok.accounts.models import Consent, DataExport
from ebok.accounts.security import SIGN_IN_KINDS, browser_name
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.billing.downloads import file_name, open_stored
from ebok.billing.models import Invoice, InvoiceLine, Payment
from ebok.customers.models import Meter, Reading, ServicePoint
from ebok.notifications.models import Notice

SCHEMA = "ebok-my-data/1"
LINK_HOURS = 24


def _text(value):
    """JSON and CSV get dates and amounts as text: ISO dates, "108.00" (no float rounding)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _rows(queryset, fields: list[str]):
    for row in queryset.values_list(*fields).iterator(chunk_size=2000):
        yield {name: _text(value) for name, value in zip(fields, row, strict=True)}


def sections(customer, user) -> dict:
    """Each section's rows, as generators: the same rows go to the JSON and to the CSV."""
    points = ServicePoint.objects.filter(customer=customer).order_by("code", "pk")
    meters = Meter.objects.filter(service_point__customer=customer).order_by("pk")
    readings = Reading.objects.filter(meter__service_point__customer=customer).order_by(
        "meter_id", "read_on", "pk"
    )
    invoices = Invoice.objects.filter(customer=customer).order_by("issued_on", "pk")
    lines = InvoiceLine.objects.filter(invoice__customer=customer).order_by("invoice_id", "pk")
    payments = Payment.objects.filter(customer=customer).order_by("paid_on", "pk")
    consents = Consent.objects.filter(customer=customer).order_by("given_at", "pk")
    notices = Notice.objects.filter(customer=customer).order_by("created_at", "pk")
    logins = AuditEvent.objects.filter(
        kind__in=SIGN_IN_KINDS, customer_number=customer.number
    ).order_by("created_at", "pk")
    return {
        "service_points": _rows(
            points, ["code", "postal_code", "city", "street", "water", "sewage"]
        ),
        "meters": _rows(
            meters,
            [
                "service_point__code",
                "serial_number",
                "kind",
                "description",
                "installed_on",
                "removed_on",
            ],
        ),
        "readings": _rows(readings, ["meter__serial_number", "read_on", "value", "source"]),
        "invoices": _rows(
            invoices,
            [
                "number",
                "kind",
                "issued_on",
                "period_start",
                "period_end",
                "due_on",
                "net",
                "vat",
                "gross",
            ],
        ),
        "charges": _rows(
            lines,
            [
                "invoice__number",
                "service_point__code",
                "description",
                "period_start",
                "period_end",
                "quantity",
                "unit",
                "unit_net_price",
                "vat_rate",
                "net",
                "vat",
                "gross",
            ],
        ),
        "payments": _rows(payments, ["paid_on", "amount", "title", "method"]),
        "consents": _rows(
            consents, ["kind", "given", "version", "given_at", "ip_address", "username"]
        ),
        # What the portal told the customer and whether it arrived; the rendering data (ids)
        # stays out, the subject and address say what went where.
        "notices": _rows(
            notices,
            ["created_at", "event", "channel", "recipient", "subject", "status", "sent_at"],
        ),
        "logins": (
            {**row, "browser": browser_name(row.pop("user_agent") or "")}
            for row in _rows(logins, ["created_at", "kind", "ip_address", "user_agent"])
        ),
    }


def customer_record(customer, user) -> dict:
    return {
        "number": customer.number,
        "name": customer.name,
        "postal_code": customer.postal_code,
        "city": customer.city,
        "street": customer.street,
        "email": customer.email,
        "phone": customer.phone,
        "correspondence_address": correspondence_address(customer),
        "login": {"username": user.username, "mobile_phone": user.phone},
    }


def write_zip(target, customer, user) -> None:
    """The ZIP into the binary file `target`."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        data = {
            "schema": SCHEMA,
            "generated_at": timezone.now().isoformat(),
            "customer": customer_record(customer, user),
        }
        for name, rows in sections(customer, user).items():
            rows = list(rows)
            data[name] = rows
            archive.writestr(f"{name}.csv", _csv(rows))
        flat = {k: v for k, v in data["customer"].items() if not isinstance(v, dict | None)}
        archive.writestr("customer.csv", _csv([flat]))
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=1))
        pdfs = Invoice.objects.filter(customer=customer).exclude(pdf="").only("number", "pdf")
        for invoice in pdfs.iterator():
            # A file missing from the storage is left out (the invoice is in data.json).
            if (stored := open_stored(invoice)) is not None:
                with stored:
                    name = file_name(invoice, copy=False)
                    archive.writestr(f"invoices/{name}", stored.read())


def _csv(rows: list[dict]) -> str:
    if not rows:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def start(request) -> DataExport:
    """Ask for an export of the number in use; the worker builds it (tasks.build_data_export)."""
    from ebok.accounts.tasks import build_data_export

    with transaction.atomic():
        export = DataExport.objects.create(user=request.user, customer=request.customer)
        record(
            AuditEvent.Kind.DATA_EXPORT_REQUESTED,
            request=request,
            customer=request.customer,
            detail=f"login {request.user.username}",
        )
    build_data_export.enqueue(export_id=export.pk)
    return export


def build(export_id: int) -> None:
    """Build the ZIP of one export (idempotent: a ready one is left alone)."""
    export = DataExport.objects.select_related("customer", "user").filter(pk=export_id).first()
    if export is None or export.status != DataExport.Status.PENDING:
        return
    prune_expired(DataExport.objects.filter(user=export.user))
    try:
        with tempfile.TemporaryFile() as target:
            write_zip(target, export.customer, export.user)
            target.seek(0)
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            export.file.save(f"{export.customer.number}-{stamp}.zip", File(target), save=False)
    except Exception:
        # The page says it failed and offers to ask again; the worker logs the error.
        DataExport.objects.filter(pk=export.pk).update(status=DataExport.Status.FAILED)
        raise
    export.status = DataExport.Status.READY
    export.expires_at = timezone.now() + timedelta(hours=LINK_HOURS)
    export.save(update_fields=["file", "status", "expires_at"])


def prune_expired(exports=None) -> int:
    """Delete the files of exports past their link's 24 hours and mark them expired.

    Run hourly (manage.py prune_data_exports) and for the login's own exports before each new
    one. The file goes first, then the row says so: a run stopped between the two leaves a ready
    row that the next run finds again. Returns how many exports it expired.
    """
    if exports is None:
        exports = DataExport.objects.all()
    # A day's worth of exports at most: a list, not a cursor held open while rows change.
    expired = list(
        exports.filter(status=DataExport.Status.READY, expires_at__lte=timezone.now()).only(
            "pk", "file", "status"
        )
    )
    for old in expired:
        old.file.delete(save=False)  # a file already missing is no error
        old.file = ""
        old.status = DataExport.Status.EXPIRED
        old.save(update_fields=["file", "status"])
    return len(expired)
