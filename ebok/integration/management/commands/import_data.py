"""manage.py import_data KIND FILE [FILE ...]: load records from CSV or JSON Lines files.

The same records, checks and upserts as the integration API, in batches of --batch-size
records, each in its own transaction. See docs/import.md.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ebok.integration.fileimport.importer import KINDS, FileImporter, Totals
from ebok.integration.fileimport.readers import ENCODINGS, FORMATS

PROGRESS_EVERY = 0.2  # seconds between two updates of the progress line


def _plain(text: str) -> str:
    return text  # the progress line is not an error: not in the error colour


class Command(BaseCommand):
    help = (
        "Import customers, service points, meters, readings, invoices or payments from CSV or "
        "JSON Lines files, validated like the integration API. Exit status 1 when any record "
        "was rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS), help="the kind of record")
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument(
            "--format", choices=FORMATS, help="default: from the extension (.csv, .jsonl)"
        )
        parser.add_argument(
            "--encoding",
            choices=ENCODINGS,
            default="auto",
            help="auto (default): UTF-8 if the file is valid UTF-8, else Windows-1250",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=5000,
            help="records per transaction (default 5000)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check and report everything, write nothing"
        )

    def handle(self, *args, **options):
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        self.interactive = self.stderr.isatty()
        self.last_progress = 0.0
        importer = FileImporter(
            KINDS[options["kind"]],
            batch_size=options["batch_size"],
            fmt=options["format"],
            encoding=options["encoding"],
            on_error=self.report_error,
            on_progress=self.progress,
        )
        totals = importer.run(options["files"], dry_run=options["dry_run"])
        self.clear_progress()
        self.stdout.write(self.summary(totals, dry_run=options["dry_run"]))
        if totals.rejected or totals.failed_files:
            problems = []
            if totals.rejected:
                problems.append(f"{totals.rejected} records rejected")
            if totals.failed_files:
                problems.append(f"{totals.failed_files} files not read")
            raise CommandError(" and ".join(problems) + "; see the errors above.", returncode=1)

    def report_error(self, error) -> None:
        self.clear_progress()
        self.stderr.write(f"error: {error}")

    def progress(self, totals: Totals) -> None:
        now = time.monotonic()
        if not self.interactive or now - self.last_progress < PROGRESS_EVERY:
            return
        self.last_progress = now
        line = f"{totals.records:,} records, {totals.rate:,.0f}/s, {totals.rejected:,} rejected"
        self.stderr.write(f"\r{line}\033[K", style_func=_plain, ending="")
        self.stderr.flush()

    def clear_progress(self) -> None:
        if self.interactive and self.last_progress:
            self.stderr.write("\r\033[K", style_func=_plain, ending="")
            self.stderr.flush()

    @staticmethod
    def summary(totals: Totals, *, dry_run: bool) -> str:
        counts = totals.counts
        prefix = "Dry run, nothing written: " if dry_run else ""
        return (
            f"{prefix}{totals.records} records read: {counts.created} created, "
            f"{counts.updated} updated, {counts.unchanged} unchanged, {totals.rejected} "
            f"rejected in {totals.seconds:.1f} s ({totals.rate:,.0f} records/s)."
        )
