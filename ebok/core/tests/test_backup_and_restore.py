"""deploy/backup.py, as the backup timer and an operator run it: a backup (pg_dump's custom
format and the media folder) restored into another database and folder gives back the data
and the files."""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from ebok.billing.models import Invoice
from ebok.testing import make_history

pytestmark = [
    pytest.mark.skipif(
        connection.vendor == "sqlite", reason="backups are of PostgreSQL databases (pg_dump)"
    ),
    # The script's pg_dump runs in a process of its own: it must see the test's rows.
    pytest.mark.django_db(transaction=True),
]

SCRIPT = settings.BASE_DIR / "deploy" / "backup.py"


def database_url(name: str) -> str:
    """The suite's DATABASE_URL with another database's name."""
    return urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}"))


def run(*arguments, database, media):
    return subprocess.run(
        [sys.executable, str(SCRIPT), *arguments],
        env={**os.environ, "DATABASE_URL": database, "MEDIA_ROOT": str(media)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


@pytest.fixture
def test_database():
    return database_url(connection.settings_dict["NAME"])


@pytest.fixture
def throwaway_database():
    """An empty database beside the test database, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    with psycopg.connect(database_url("postgres"), autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}"')
        server.execute(f'CREATE DATABASE "{name}"')
    yield database_url(name)
    with psycopg.connect(database_url("postgres"), autocommit=True) as server:
        server.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def media(tmp_path):
    folder = tmp_path / "media"
    (folder / "invoices" / "2026" / "01").mkdir(parents=True)
    (folder / "invoices" / "2026" / "01" / "FV-1.pdf").write_bytes(b"%PDF-1.4 invoice")
    return folder


def invoices_in(database) -> list[tuple]:
    with psycopg.connect(database) as restored:
        return restored.execute(
            "SELECT i.number, c.number, c.name FROM billing_invoice i"
            " JOIN customers_customer c ON c.id = i.customer_id ORDER BY i.number"
        ).fetchall()


def test_a_restored_backup_gives_back_the_data_and_the_files(
    tmp_path, customer, media, test_database, throwaway_database
):
    make_history(customer, years=1)
    made = run("backup", "--to", str(tmp_path / "backups"), database=test_database, media=media)
    dump, archive = made.stdout.split()
    restored_media = tmp_path / "restored-media"

    run("restore", dump, archive, database=throwaway_database, media=restored_media)

    numbers = Invoice.objects.order_by("number").values_list("number", flat=True)
    assert len(numbers) == 6
    assert invoices_in(throwaway_database) == [
        (number, "001234", "Jan Węgrowski") for number in numbers
    ]
    restored = restored_media / "invoices" / "2026" / "01" / "FV-1.pdf"
    assert restored.read_bytes() == b"%PDF-1.4 invoice"
    # The backup holds every customer's data: for its owner's eyes only.
    assert {os.stat(path).st_mode & 0o777 for path in (dump, archive)} == {0o600}


def test_a_restore_replaces_what_is_there_and_keeps_the_folders_files_aside(
    tmp_path, customer, media, test_database, throwaway_database
):
    make_history(customer, years=1)
    made = run("backup", "--to", str(tmp_path / "backups"), database=test_database, media=media)
    dump, archive = made.stdout.split()
    restored_media = tmp_path / "restored-media"
    run("restore", dump, archive, database=throwaway_database, media=restored_media)
    with psycopg.connect(throwaway_database) as restored:
        restored.execute("DELETE FROM billing_invoiceline")
        restored.execute("DELETE FROM billing_invoice")
    (restored_media / "later.pdf").write_bytes(b"%PDF-1.4 later")

    run("restore", dump, archive, database=throwaway_database, media=restored_media)

    assert len(invoices_in(throwaway_database)) == 6
    assert not (restored_media / "later.pdf").exists()
    [aside] = tmp_path.glob("restored-media.before-restore-*")
    assert (aside / "later.pdf").read_bytes() == b"%PDF-1.4 later"


def test_backups_older_than_the_days_kept_are_deleted(tmp_path, media, test_database):
    backups = tmp_path / "backups"
    backups.mkdir()
    old, recent = backups / "ebok-20200101T000000Z.dump", backups / "ebok-20200102T000000Z.dump"
    old.write_bytes(b"old")
    recent.write_bytes(b"recent")
    os.utime(old, (time.time() - 15 * 86400,) * 2)
    os.utime(recent, (time.time() - 13 * 86400,) * 2)

    made = run(
        "backup", "--to", str(backups), "--keep-days", "14", database=test_database, media=media
    )

    assert sorted(backups.iterdir()) == sorted(
        [recent, *(Path(path) for path in made.stdout.split())]
    )
