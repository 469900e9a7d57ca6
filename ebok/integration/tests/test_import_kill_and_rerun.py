"""Killed mid-run (SIGKILL), an import leaves whole batches only; a re-run completes it, and a
further re-run changes nothing. Runs the command as a real process on a SQLite file database."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ebok.integration.tests.importing import CUSTOMERS_HEADER, METERS_CSV, POINTS_CSV

MANAGE = Path(__file__).resolve().parents[3] / "manage.py"
READINGS = 60_000
BATCH = 2_000

# No database fixture: the subprocesses use their own database file, not the test database.
pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def manage(environment, *arguments, **options):
    command = [sys.executable, str(MANAGE), *arguments]
    return subprocess.Popen(command, env=environment, **options)


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

    process = manage(environment, *arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while count_readings(database) < BATCH and time.monotonic() < deadline:
        assert process.poll() is None, "the import ended before it could be killed"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    written = count_readings(database)
    assert 0 < written < READINGS, "killed too late to show anything"
    assert written % BATCH == 0

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
