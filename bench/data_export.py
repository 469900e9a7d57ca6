"""Benchmark of "My data": the ZIP of a customer with ten years of monthly history.

    .venv/bin/python bench/data_export.py [--years 10] [--meters 3] [--keep]

Creates the database (createdb) at DATABASE_URL (default: a PostgreSQL database of its own),
migrates it, makes one customer with `--meters` meters read monthly, monthly invoices with five
charges and a stored PDF each, monthly payments, two notices a month (e-mail and SMS) and a
thousand logins, then times building the
ZIP the way the background task does (export.build) and prints its size and row counts. Drops
the database at the end unless --keep.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/ebok_export_bench"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--meters", type=int, default=3)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    name = url.rsplit("/", 1)[-1]
    media = tempfile.mkdtemp(prefix="ebok-export-bench-")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "MEDIA_ROOT": media,
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-signs-nothing"),
        "TASKS_BACKEND": "immediate",
    }
    if url.startswith("postgres"):
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name])  # noqa: S603,S607
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)  # noqa: S603,S607
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--verbosity=0"], env=env, check=True
    )
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ebok.settings")
    import django

    django.setup()
    try:
        run(args)
    finally:
        if url.startswith("postgres") and not args.keep:
            from django.db import connections

            connections.close_all()
            subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", name])  # noqa: S603,S607


def run(args) -> None:
    from django.core.files.base import ContentFile

    from ebok.accounts import export
    from ebok.accounts.models import DataExport
    from ebok.accounts.services import account_for
    from ebok.audit.models import AuditEvent
    from ebok.billing.models import Invoice, InvoiceLine, Payment
    from ebok.customers.models import Customer, Meter, Reading, ServicePoint
    from ebok.notifications.models import Notice

    started = time.perf_counter()
    customer = Customer.objects.create(
        number="001234",
        name="Jan Węgrowski",
        postal_code="07-100",
        city="Węgrów",
        street="ul. Wyszyńskiego 1",
        email="jan@example.pl",
    )
    user = account_for(customer)
    point = ServicePoint.objects.create(
        customer=customer, code="P1", postal_code="07-100", city="Węgrów", street="ul. Długa 1"
    )
    meters = [
        Meter.objects.create(
            service_point=point, serial_number=f"WM-{n}", installed_on=date(2015, 1, 1)
        )
        for n in range(args.meters)
    ]
    pdf = b"%PDF-1.4\n" + os.urandom(30_000)
    first = date.today().year - args.years
    readings, lines, notices = [], [], []
    for month in range(args.years * 12):
        day = date(first + month // 12, 1 + month % 12, 15)
        readings += [
            Reading(meter=meter, read_on=day, value=Decimal(100 + month * 9), source="reader")
            for meter in meters
        ]
        invoice = Invoice.objects.create(
            customer=customer,
            number=f"FV/{day:%Y/%m}/001234",
            issued_on=day,
            due_on=day + timedelta(days=14),
            net=Decimal("100.00"),
            vat=Decimal("8.00"),
            gross=Decimal("108.00"),
        )
        invoice.pdf.save("fv.pdf", ContentFile(pdf), save=True)
        lines += [
            InvoiceLine(
                invoice=invoice,
                service_point=point,
                description=f"Pozycja {n}",
                quantity=Decimal("9.500"),
                unit="m³",
                unit_net_price=Decimal("2.1053"),
                vat_rate=Decimal("8.00"),
                net=Decimal("20.00"),
                vat=Decimal("1.60"),
                gross=Decimal("21.60"),
            )
            for n in range(5)
        ]
        Payment.objects.create(
            customer=customer, paid_on=day + timedelta(days=10), amount=Decimal("108.00")
        )
        notices += [
            Notice(
                customer=customer,
                event=event,
                occasion=f"invoice-{invoice.pk}",
                channel=channel,
                recipient=recipient,
                subject=f"Faktura {invoice.number}",
                status=Notice.Status.SENT,
            )
            for event, channel, recipient in [
                ("new_invoice", "email", "jan@example.pl"),
                ("payment_due", "sms", "+48601234567"),
            ]
        ]
    Reading.objects.bulk_create(readings)
    Notice.objects.bulk_create(notices)
    InvoiceLine.objects.bulk_create(lines)
    AuditEvent.objects.bulk_create(
        AuditEvent(
            kind="login",
            customer_number="001234",
            ip_address="192.0.2.1",
            user_agent=f"Mozilla/5.0 (X11; Linux x86_64) Chrome/{100 + n % 30}.0 Safari/537.36",
        )
        for n in range(1000)
    )
    print(f"history made in {time.perf_counter() - started:.1f} s")

    job = DataExport.objects.create(user=user, customer=customer)
    started = time.perf_counter()
    export.build(job.pk)
    elapsed = time.perf_counter() - started
    job.refresh_from_db()
    print(
        f"ZIP of {args.years} years ({len(readings)} readings, {args.years * 12} invoices with "
        f"{len(lines)} charges and PDFs, {len(notices)} notices, 1000 logins): {elapsed:.2f} s, "
        f"{job.file.size / 1_000_000:.1f} MB"
    )


if __name__ == "__main__":
    main()
