"""Benchmark of a due-date run: every customer has an invoice due in NOTICE_DUE_DAYS days;
`send_notifications` records and queues a reminder each, and two `db_worker` processes deliver
them by e-mail to a local SMTP sink (aiosmtpd, counting only).

    make bench-notifications BENCH_NOTIFY_CUSTOMERS=300000
    .venv/bin/python bench/notifications.py --customers 300000 \
        --database-url postgres://postgres@127.0.0.1:5432/ebok_bench_notify

Prints the seconds to record and queue, to deliver, the rate of each, and the raw rate of the
sink measured in the same run (as many messages, up to 20,000, sent straight over SMTP by one
process, TASK_BATCH to a connection as the workers send them), so the figure can be read
against it.
The database is dropped and made again (PostgreSQL: create it first; SQLite: a file).
"""

import argparse
import os
import signal
import smtplib
import subprocess
import sys
import threading
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class Sink:
    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
        return "250 OK"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_data(customers: int) -> None:
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from ebok.billing.models import Invoice
    from ebok.customers.models import Customer

    due = timezone.localdate() + timedelta(days=3)
    batch = 5000
    for start in range(0, customers, batch):
        made = Customer.objects.bulk_create(
            Customer(
                number=f"{n:08d}",
                name="Klient",
                postal_code="07-100",
                city="Węgrów",
                street="ul. Gdańska 1",
                email=f"k{n}@example.pl",
            )
            for n in range(start, min(start + batch, customers))
        )
        if any(c.pk is None for c in made):
            made = list(Customer.objects.filter(number__in=[c.number for c in made]))
        Invoice.objects.bulk_create(
            Invoice(
                customer=c,
                number=f"FV/{c.number}",
                issued_on=due - timedelta(days=30),
                due_on=due,
                net=Decimal("10.00"),
                vat=Decimal("0.00"),
                gross=Decimal("10.00"),
            )
            for c in made
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url", help="default: $DATABASE_URL, else the SQLite file")
    args = parser.parse_args()
    # A SIGTERM (timeout, systemd) unwinds like Ctrl-C, so the workers are stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    from aiosmtpd.controller import Controller

    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    environment = {
        **os.environ,
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only"),
        "TASKS_BACKEND": "database",
        "EMAIL_BACKEND": "smtp",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "SITE_URL": "https://ebok.example.pl",
        "LOG_LEVEL": "WARNING",
    }
    if args.database_url:
        environment["DATABASE_URL"] = args.database_url
    os.environ.update(environment)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ebok.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from ebok.notifications.notices import TASK_BATCH

    if _migrated():
        call_command("flush", "--no-input", verbosity=0)
    call_command("migrate", verbosity=0)
    started = time.monotonic()
    make_data(args.customers)
    print(f"data: {args.customers} customers in {time.monotonic() - started:.1f} s")

    manage = [sys.executable, str(ROOT / "manage.py")]
    started = time.monotonic()
    command = [*manage, "send_notifications", "--event", "payment_due"]
    subprocess.run(command, env=environment, check=True)  # noqa: S603 - our own manage.py
    recorded = time.monotonic() - started
    print(f"recorded and queued: {recorded:.1f} s, {args.customers / recorded:.0f} notices/s")

    workers = [
        subprocess.Popen(  # noqa: S603
            [*manage, "db_worker", "--interval", "0.1"],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(args.workers)
    ]
    started = time.monotonic()
    try:
        while sink.count < args.customers:
            time.sleep(0.5)
    finally:  # never leave workers behind, also when interrupted
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=60)
    delivered = time.monotonic() - started
    print(
        f"delivered by {args.workers} workers: {delivered:.1f} s, "
        f"{args.customers / delivered:.0f} e-mails/s"
    )

    before = sink.count
    started = time.monotonic()
    raw = min(args.customers, 20_000)
    for start in range(0, raw, TASK_BATCH):
        with smtplib.SMTP("127.0.0.1", port) as client:
            for n in range(start, min(start + TASK_BATCH, raw)):
                message = EmailMessage()
                message["From"], message["To"] = "a@b.pl", f"k{n}@example.pl"
                message["Subject"] = "x"
                message.set_content("x")
                client.send_message(message)
    while sink.count < before + raw:
        time.sleep(0.01)
    seconds = time.monotonic() - started
    print(f"SMTP sink alone, one process: {raw} in {seconds:.1f} s, {raw / seconds:.0f} e-mails/s")
    controller.stop()


def _migrated() -> bool:
    from django.db import connection

    return "customers_customer" in connection.introspection.table_names()


if __name__ == "__main__":
    main()
