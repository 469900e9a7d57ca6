#!/usr/bin/env python3
"""eBOK's backup and restore: the PostgreSQL database (pg_dump's custom format) and the media
folder (invoice PDFs, documents) as a .tar.gz. deploy/README.md says when and how.

    deploy/backup.py backup [--to /var/backups/ebok] [--keep-days 14]
    deploy/backup.py restore ebok-20260101T031500Z.dump ebok-20260101T031500Z-media.tar.gz

Both read DATABASE_URL and MEDIA_ROOT from the environment, as the app does (under systemd from
/etc/ebok/env). The database's password goes to pg_dump and pg_restore in PGPASSWORD, never on
their command line, where every user of the machine could read it. Needs only the standard
library and PostgreSQL's client programs (Debian's postgresql-client).
"""

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

DUMP = "ebok-{stamp}.dump"
MEDIA = "ebok-{stamp}-media.tar.gz"


def fail(message: str):
    print(f"deploy/backup.py: {message}", file=sys.stderr)
    sys.exit(2)


def libpq_environment(url: str) -> tuple[dict, str]:
    """The environment for PostgreSQL's programs from DATABASE_URL, and the database's name."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql") or not parts.path.strip("/"):
        fail("DATABASE_URL must name a PostgreSQL database (postgres://user@host:5432/name).")
    environment = dict(os.environ)
    given = {
        "PGHOST": parts.hostname,
        "PGPORT": str(parts.port) if parts.port else None,
        "PGUSER": unquote(parts.username) if parts.username else None,
        "PGPASSWORD": unquote(parts.password) if parts.password else None,
    }
    environment.update({name: value for name, value in given.items() if value})
    return environment, unquote(parts.path.strip("/"))


def settings_from_environment() -> tuple[dict, str, Path]:
    url = os.environ.get("DATABASE_URL", "")
    media = os.environ.get("MEDIA_ROOT", "")
    if not url or not media:
        fail("set DATABASE_URL and MEDIA_ROOT as for the app (e.g. from /etc/ebok/env).")
    environment, database = libpq_environment(url)
    return environment, database, Path(media)


def backup(target: Path, keep_days: int) -> None:
    environment, database, media = settings_from_environment()
    if not media.is_dir():
        fail(f"MEDIA_ROOT {media} is not a folder.")
    os.umask(0o077)  # the dump holds every customer's data: readable by its owner only
    target.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    dump, archive = target / DUMP.format(stamp=stamp), target / MEDIA.format(stamp=stamp)
    # The database first: files are added far more often than removed, so the files the dump
    # mentions are still there when the folder is read a moment later (a newer one is harmless).
    # Each is written under a temporary name and renamed when whole, so that a run that stopped
    # half-way never leaves a file that looks like a backup.
    partial = dump.with_name(dump.name + ".part")
    command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}"]
    subprocess.run([*command, database], env=environment, check=True)  # noqa: S603
    partial.rename(dump)
    partial = archive.with_name(archive.name + ".part")
    with tarfile.open(partial, "w:gz") as tar:
        tar.add(media, arcname=".")
    partial.rename(archive)
    forget_older_than(target, keep_days)
    print(dump)
    print(archive)


def forget_older_than(target: Path, keep_days: int) -> None:
    cutoff = dt.datetime.now(dt.UTC).timestamp() - keep_days * 24 * 60 * 60
    for old in [*target.glob("ebok-*.dump"), *target.glob("ebok-*-media.tar.gz")]:
        if old.stat().st_mtime < cutoff:
            old.unlink()


def restore(dump: Path, archive: Path) -> None:
    """Into the database DATABASE_URL names (it must exist; what the dump holds replaces what
    is there) and the folder MEDIA_ROOT names (what was there is moved aside, not deleted)."""
    environment, database, media = settings_from_environment()
    for given in (dump, archive):
        if not given.is_file():
            fail(f"{given} is not a file.")
    command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges"]
    command += ["--exit-on-error", "--single-transaction", f"--dbname={database}", str(dump)]
    subprocess.run(command, env=environment, check=True)  # noqa: S603
    if media.exists() and any(media.iterdir()):
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = media.with_name(f"{media.name}.before-restore-{stamp}")
        shutil.move(media, aside)
        print(f"The media folder's earlier content is in {aside}")
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        # The "data" filter refuses absolute paths, links out of the folder and device files.
        tar.extractall(media, filter="data")
    print(f"Restored {dump.name} into {database} and {archive.name} into {media}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    making = commands.add_parser("backup", help="write a dump and a media archive")
    making.add_argument("--to", type=Path, default=Path("/var/backups/ebok"), dest="target")
    making.add_argument("--keep-days", type=int, default=14, help="delete older backups there")
    taking = commands.add_parser("restore", help="restore a dump and a media archive")
    taking.add_argument("dump", type=Path)
    taking.add_argument("archive", type=Path)
    args = parser.parse_args()
    if args.command == "backup":
        backup(args.target, args.keep_days)
    else:
        restore(args.dump, args.archive)


if __name__ == "__main__":
    main()
