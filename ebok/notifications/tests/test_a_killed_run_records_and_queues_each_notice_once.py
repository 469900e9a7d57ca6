"""Killed mid-run (SIGKILL), the daily job leaves notices recorded but maybe not queued; the
next run records nothing again and queues each notice exactly once, and a further run does
nothing. Runs the command as a real process on a SQLite file database, with the database task
backend (no worker), so the queue itself can be counted."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

MANAGE = Path(__file__).resolve().parents[3] / "manage.py"
CUSTOMERS = 1_000

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

MAKE_DATA = f"""
from datetime import timedelta
from decimal import Decimal
from django.utils import timezone
from ebok.billing.models import Invoice
from ebok.customers.models import Customer
due = timezone.localdate() + timedelta(days=3)
customers = Customer.objects.bulk_create(
    Customer(number=f"{{n:06d}}", name="K", postal_code="07-100", city="Węgrów",
             street="ul. Gdańska 1", email=f"k{{n}}@example.pl")
    for n in range({CUSTOMERS})
)
Invoice.objects.bulk_create(
    Invoice(customer=c, number=f"FV/{{c.pk}}", issued_on=due - timedelta(days=30), due_on=due,
            net=Decimal("10.00"), vat=Decimal("0.00"), gross=Decimal("10.00"))
    for c in customers
)
"""


def run(environment, *arguments) -> subprocess.CompletedProcess:
    command = [sys.executable, str(MANAGE), *arguments]
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300)


def counts(database: Path) -> tuple[int, int, int]:
    """Notices recorded, notices marked queued, and notices the queued tasks will deliver (each
    task delivers a list of them; a notice in two tasks counts twice)."""
    with sqlite3.connect(database, timeout=30) as connection:
        notices, queued = connection.execute(
            "SELECT COUNT(*), COUNT(queued_at) FROM notifications_notice"
        ).fetchone()
        tasks = connection.execute(
            "SELECT args_kwargs FROM django_tasks_database_dbtaskresult"
        ).fetchall()
    in_tasks = [i for (arguments,) in tasks for i in json.loads(arguments)["args"][0]]
    return notices, queued, len(in_tasks)


@pytest.fixture
def folder(tmp_path):
    """In memory where the machine has /dev/shm: the run commits many times (the recording, a
    batch of claims and tasks at a time), and a disk's flushes would make the test slow, not
    truer."""
    shm = Path("/dev/shm")  # noqa: S108 - a private TemporaryDirectory inside it
    if not shm.is_dir():
        yield tmp_path
        return
    with tempfile.TemporaryDirectory(dir=shm) as name:
        yield Path(name)


def test_a_killed_run_is_completed_by_the_next_without_doubles(folder):
    database = folder / "notices.sqlite3"
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "TASKS_BACKEND": "database",
        "SITE_URL": "http://ebok.example.pl",
    }
    assert run(environment, "migrate", "--verbosity=0").returncode == 0
    made = run(environment, "shell", "-c", MAKE_DATA)
    assert made.returncode == 0, made.stderr
    arguments = [sys.executable, str(MANAGE), "send_notifications", "--event", "payment_due"]

    process = subprocess.Popen(
        arguments, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 120
    while counts(database)[1] < 10 and time.monotonic() < deadline:
        assert process.poll() is None, "the run ended before it could be killed"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    notices, queued, tasks = counts(database)
    assert notices == CUSTOMERS
    assert 0 < queued < CUSTOMERS, "killed too late to show anything"
    assert tasks == queued  # a notice is marked queued exactly when its task is written

    rerun = run(environment, "send_notifications", "--event", "payment_due")
    assert rerun.returncode == 0, rerun.stderr
    assert f"payment_due: {CUSTOMERS} due, 0 new notices" in rerun.stdout
    assert f"queued: {CUSTOMERS - queued}" in rerun.stdout
    assert counts(database) == (CUSTOMERS, CUSTOMERS, CUSTOMERS)

    again = run(environment, "send_notifications", "--event", "payment_due")
    assert "queued: 0" in again.stdout
    assert counts(database) == (CUSTOMERS, CUSTOMERS, CUSTOMERS)
