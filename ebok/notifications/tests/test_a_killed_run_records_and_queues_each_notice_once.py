"""Killed mid-run (SIGKILL), the daily job leaves notices recorded but maybe not queued; the
next run records nothing again and queues each notice exactly once, and a further run does
nothing. Runs the command as a real process on a SQLite file database, with the database task
backend (no worker), so the queue itself can be counted.

The kill lands at a chosen point rather than after a wait: the process pauses inside its second
batch's transaction (claims written, a few of its tasks too) and says so, and is killed there. A
kill timed by polling saw the whole queue written on a fast machine."""

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from ebok.notifications.notices import QUEUE_BATCH, TASK_BATCH
from ebok.testing import kill_where_it_pauses

MANAGE = Path(__file__).resolve().parents[3] / "manage.py"
CUSTOMERS = 1_000
TASKS_A_BATCH = QUEUE_BATCH // TASK_BATCH
PAUSE_AT = TASKS_A_BATCH + 3  # the third task of the second batch

# The daily job as manage.py runs it, but the PAUSE_AT-th task it writes first marks a file and
# sleeps, inside the open transaction, until the test kills the process.
PAUSING_RUN = f"""
import os, sys, time
from pathlib import Path
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ebok.settings")
import django
django.setup()
from django.core.management import call_command
from django_tasks_db.backend import DatabaseBackend

real = DatabaseBackend.enqueue
written = 0

def enqueue(backend, task, args, kwargs):
    global written
    written += 1
    if written == {PAUSE_AT}:
        Path(sys.argv[1]).write_text("paused")
        time.sleep(600)
    return real(backend, task, args, kwargs)

DatabaseBackend.enqueue = enqueue
call_command("send_notifications", "--event", "payment_due")
"""

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
    # Killed inside the second batch's transaction: its claims and tasks are half written.
    kill_where_it_pauses(PAUSING_RUN, [], environment=environment, cwd=MANAGE.parent)
    notices, queued, tasks = counts(database)
    assert notices == CUSTOMERS
    # The first batch committed; the second, killed halfway, left neither claims nor tasks.
    assert queued == QUEUE_BATCH
    assert tasks == queued

    rerun = run(environment, "send_notifications", "--event", "payment_due")
    assert rerun.returncode == 0, rerun.stderr
    assert f"payment_due: {CUSTOMERS} due, 0 new notices" in rerun.stdout
    assert f"queued: {CUSTOMERS - queued}" in rerun.stdout
    assert counts(database) == (CUSTOMERS, CUSTOMERS, CUSTOMERS)

    again = run(environment, "send_notifications", "--event", "payment_due")
    assert "queued: 0" in again.stdout
    assert counts(database) == (CUSTOMERS, CUSTOMERS, CUSTOMERS)
