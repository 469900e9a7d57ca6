"""A "My data" ZIP lives no longer than its 24-hour link: the hourly job (prune_data_exports)
deletes the file from the disk and marks the export expired; the link then says it expired."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from ebok.accounts.models import DataExport
from ebok.testing import PASSWORD

pytestmark = pytest.mark.usefixtures("clock", "media")

URL = reverse("accounts:my_data")


def log_in(client, number="001234"):
    client.post(reverse("accounts:login"), {"customer_number": number, "password": PASSWORD})


@pytest.fixture
def prepared(client, account):
    """Jan's export, built (the tests run tasks at once) and stored as a file on disk."""
    log_in(client)
    client.post(URL)
    export = DataExport.objects.get()
    assert export.status == DataExport.Status.READY
    path = Path(export.file.path)
    assert path.is_file() and path.stat().st_size > 0
    return export, path


def prune() -> str:
    out = io.StringIO()
    call_command("prune_data_exports", stdout=out)
    return out.getvalue()


def link(export) -> str:
    return reverse("accounts:my_data_download", args=[export.pk])


def test_a_zip_within_its_24_hours_stays(client, prepared, clock):
    export, path = prepared
    clock.shift(timedelta(hours=23, minutes=59))
    assert prune() == "expired exports: 0\n"
    assert path.is_file()
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY
    log_in(client)
    assert client.get(link(export)).status_code == 200


def test_after_24_hours_the_file_is_deleted_and_the_export_marked_expired(prepared, clock):
    export, path = prepared
    clock.shift(timedelta(hours=24, seconds=1))
    assert prune() == "expired exports: 1\n"
    assert not path.exists()
    export.refresh_from_db()
    assert export.status == DataExport.Status.EXPIRED
    assert export.file.name == ""
    # Run again (or on a second machine): nothing left to do, nothing breaks.
    assert prune() == "expired exports: 0\n"


def test_the_expired_link_says_so_and_offers_a_new_export(client, prepared, clock):
    export, _path = prepared
    clock.shift(timedelta(hours=24, seconds=1))
    prune()
    log_in(client)  # the session of a day ago has idled out
    response = client.get(link(export))
    assert response.status_code == 410
    page = response.content.decode()
    assert "Link do pobrania wygasł." in page
    assert "2026-11-25 10:00" in page  # asked, Warsaw time
    assert "2026-11-26 10:00" in page  # valid until
    assert f'href="{URL}"' in page
    assert "link wygasł" in client.get(URL).content.decode()


def test_the_link_says_it_expired_also_before_the_job_has_run(client, prepared, clock):
    export, path = prepared
    clock.shift(timedelta(hours=24, seconds=1))
    log_in(client)
    response = client.get(link(export))
    assert response.status_code == 410
    assert "Link do pobrania wygasł." in response.content.decode()
    assert path.is_file()  # the job deletes it; the page only says it is gone


def test_a_new_export_takes_the_logins_expired_files_with_it(client, prepared, clock):
    export, path = prepared
    clock.shift(timedelta(hours=25))
    log_in(client)
    client.post(URL)
    export.refresh_from_db()
    assert export.status == DataExport.Status.EXPIRED
    assert not path.exists()
    newest = DataExport.objects.exclude(pk=export.pk).get()
    assert Path(newest.file.path).is_file()


def test_another_customer_finds_no_expired_link(client, prepared, clock, stranger):
    export, _path = prepared
    clock.shift(timedelta(hours=25))
    prune()
    client.post(reverse("accounts:logout"))
    log_in(client, "009999")
    assert client.get(link(export)).status_code == 404
