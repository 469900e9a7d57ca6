"""Killed mid-run (SIGKILL), an import leaves whole batches only; a re-run completes it, and a
further re-run changes nothing. Runs the command as a real process on a SQLite file database.

The kill lands at a chosen point rather than after a wait: the process writes its third batch,
then, before that batch commits, marks a file and sleeps until the test kills it. A kill timed
by polling could come after the last batch on a fast machine."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ebok.integration.tests.importing import CUSTOMERS_HEADER, METERS_CSV, POINTS_CSV
from ebok.testing import kill_where_it_pauses

MANAGE = Path(__file__).resolve().parents[3] / "manage.py"
READINGS = 60_000
BATCH = 2_000
PAUSE_IN = 3  # the batch the process is killed in, written but not committed

# import_data as manage.py runs it, but the PAUSE_IN-th batch is written inside a transaction
# around the batch's own, and the process sleeps in it until the test kills it.
PAUSING_RUN = f"""
import os, sys, time
from pathlib import Path
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ebok.settings")
import django
django.setup()
from django.core.management import call_command
from django.db import transaction
from ebok.integration.fileimport import importer

real = importer.import_batch
batches = 0

def import_batch(items, **options):
    global batches
    batches += 1
    if batches < {PAUSE_IN}:
        return real(items, **options)
    with transaction.atomic():
        written = real(items, **options)
        Path(sys.argv[1]).write_text("paused")
        time.sleep(600)
    return written

importer.import_batch = import_batch
call_command(*sys.argv[2:])
"""

# No database fixture: the subprocesses use their own database file, not the test database.
pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def run(environment, *arguments) -> subprocess.CompletedProcess:
    command = [sys.executable, str(MANAGE), *arguments]
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=120)


def count_readings(database: Path) -> int:
    with sqlite3.connect(database, timeout=10) as connection:
        return connection.execute("SELECT COUNT(*) FROM customers_reading").fetchone()[0]


def test_a_killed_import_keeps_whole_batches_and_a_rerun_completes_it(tmp_path):
    database = tmp_path / "import.sqlite3"
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    assert run(environment, "migrate", "--verbosity=0").returncode == 0
    customers = f"{CUSTOMERS_HEADER}\nK-1;001234;Jan Węgrowski;07-100;Węgrów;ul. Wyszyńskiego 1;\n"
    for kind, name, text in [
        ("customers", "k.csv", customers),
        ("service-points", "pp.csv", POINTS_CSV),
        ("meters", "m.csv", METERS_CSV),
    ]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert run(environment, "import_data", kind, str(tmp_path / name)).returncode == 0
    readings = tmp_path / "odczyty.csv"
    with readings.open("w", encoding="utf-8") as stream:
        stream.write("external_id;meter_external_id;read_on;value;source\n")
        for number in range(READINGS):
            stream.write(f"R-{number};M-1;2026-01-01;{number},125;reader\n")
    arguments = ["import_data", "readings", str(readings), f"--batch-size={BATCH}"]

    kill_where_it_pauses(PAUSING_RUN, arguments, environment=environment, cwd=MANAGE.parent)
    # The batches before were committed; the one written when the kill came left nothing.
    written = count_readings(database)
    assert written == (PAUSE_IN - 1) * BATCH

    rerun = run(environment, *arguments)
    assert rerun.returncode == 0, rerun.stderr
    assert (
        f"{READINGS - written} created, 0 updated, {written} unchanged, 0 rejected" in rerun.stdout
    )
    with sqlite3.connect(database) as connection:
        total, distinct = connection.execute(
            "SELECT COUNT(*), COUNT(DISTINCT external_id) FROM customers_reading"
        ).fetchone()
    assert total == distinct == READINGS

    again = run(environment, *arguments)
    assert f"0 created, 0 updated, {READINGS} unchanged, 0 rejected" in again.stdout
    assert count_readings(database) == READINGS
