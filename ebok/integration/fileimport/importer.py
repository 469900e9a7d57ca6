"""Import files of records through the API's schemas and batch service, batch by batch.

Each record is checked by the API's pydantic schema; the valid ones of a batch go to
services.batch.import_batch (the same checks against the database and the same bulk upserts as
POST /api/v1/...), in one transaction per batch. Records the service rejects are reported and
taken out, and the rest of the batch is checked again, so a batch is written whole and only
when every record in it is valid. See docs/import.md.
"""

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from django.db import transaction
from pydantic import ValidationError

from ebok.integration.errors import BatchRejected
from ebok.integration.fileimport import readers
from ebok.integration.fileimport.readers import CHARGE_PREFIX, CsvLayout, FileProblem, Row
from ebok.integration.schemas.records import (
    ChargeIn,
    CustomerIn,
    InvoiceIn,
    MeterIn,
    PaymentIn,
    ReadingIn,
    ServicePointIn,
)
from ebok.integration.services.batch import import_batch
from ebok.integration.services.sections import Counts


@dataclass(frozen=True)
class Kind:
    name: str  # on the command line, as the API's path: "service-points"
    section: str  # as the API's section: "service_points"
    schema: type
    charge_schema: type | None = None


KINDS = {
    kind.name: kind
    for kind in (
        Kind("customers", "customers", CustomerIn),
        Kind("service-points", "service_points", ServicePointIn),
        Kind("meters", "meters", MeterIn),
        Kind("readings", "readings", ReadingIn),
        Kind("invoices", "invoices", InvoiceIn, ChargeIn),
        Kind("payments", "payments", PaymentIn),
    )
}


@dataclass(frozen=True)
class RowError:
    """One rejected record (or a file that could not be read): where and why."""

    file: str
    line: int
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field or '-'}: {self.message}"


@dataclass
class Totals:
    counts: Counts = field(default_factory=Counts)
    rejected: int = 0
    records: int = 0  # read, valid or not
    failed_files: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0


class _Rollback(Exception):
    pass


AT_INDEX = re.compile(r"at index ([0-9]+)")


def _message(error: dict) -> str:
    return error["msg"].removeprefix("Value error, ")


class FileImporter:
    """Reads files of one kind, validates, writes in batches, and reports through callbacks."""

    def __init__(
        self,
        kind: Kind,
        *,
        batch_size: int = 5000,
        fmt: str | None = None,
        encoding: str = "auto",
        on_error: Callable[[RowError], None] = lambda error: None,
        on_progress: Callable[["Totals"], None] = lambda totals: None,
    ):
        self.kind = kind
        self.batch_size = batch_size
        self.fmt = fmt
        self.encoding = encoding
        self.on_error = on_error
        self.on_progress = on_progress
        self.layout = CsvLayout(kind.schema, kind.charge_schema)
        self.totals = Totals()
        self.csv = False

    def run(self, paths: Iterable[Path], *, dry_run: bool = False) -> Totals:
        started = time.monotonic()
        try:
            if dry_run:
                # One transaction around everything, rolled back: later batches still see the
                # records of earlier ones, as they would in a real run.
                with transaction.atomic():
                    self._import_all(paths, started)
                    raise _Rollback
            else:
                self._import_all(paths, started)
        except _Rollback:
            pass
        self.totals.seconds = time.monotonic() - started
        return self.totals

    def _import_all(self, paths, started) -> None:
        for path in paths:
            self.import_file(Path(path), started)

    def import_file(self, path: Path, started: float) -> None:
        name = str(path)
        try:
            fmt = readers.format_of(path, self.fmt)
            self.csv = fmt == "csv"
            encoding = readers.detect_encoding(path, self.encoding)
            rows = readers.read(path, fmt, encoding, self.layout)
            for chunk in _chunks(rows, self.batch_size):
                self._import_chunk(name, chunk)
                self.totals.seconds = time.monotonic() - started
                self.on_progress(self.totals)
        except FileProblem as problem:
            self.totals.failed_files += 1
            self.on_error(RowError(name, problem.line, problem.field, problem.message))
        except OSError as error:
            self.totals.failed_files += 1
            self.on_error(RowError(name, 0, None, f"Cannot read the file: {error.strerror}."))

    # One batch ----------------------------------------------------------------------------

    def _import_chunk(self, name: str, chunk: list[Row]) -> None:
        self.totals.records += len(chunk)
        valid: list[tuple[Row, object]] = []
        for row in chunk:
            record = self._validate(name, row)
            if record is not None:
                valid.append((row, record))
        while valid:
            try:
                total, _sections = import_batch({self.kind.section: [r for _, r in valid]})
            except BatchRejected as rejected:
                bad = self._report_rejected(name, valid, rejected.errors)
                valid = [pair for index, pair in enumerate(valid) if index not in bad]
                continue
            self.totals.counts.add(total)
            return

    def _validate(self, name: str, row: Row):
        data = row.data
        if "__problem__" in data:
            self._reject(name, row.line, None, data["__problem__"])
            return None
        if "__differs__" in data:
            message = (
                f"The invoice's columns differ from those on line {row.line} (rows of one "
                "invoice repeat its columns unchanged)."
            )
            self._reject(name, data["__differs__"], None, message)
            return None
        try:
            return self.kind.schema.model_validate(data)
        except ValidationError as error:
            problems = [self._locate(row, e["loc"], _message(e)) for e in error.errors()]
            for line, field_name, message in problems:
                self.on_error(RowError(name, line, field_name, message))
            self.totals.rejected += 1
            return None

    def _locate(self, row: Row, loc: tuple, message: str) -> tuple[int, str | None, str]:
        """(line, field) of a schema error; a charge's fields in CSV are on the charge's line,
        as the column charge_<field>."""
        parts = [str(part) for part in loc]
        if self.csv and len(parts) >= 2 and parts[0] == "charges" and parts[1].isdigit():
            number = int(parts[1])
            line = row.charge_lines[number] if number < len(row.charge_lines) else row.line
            rest = ".".join(parts[2:])
            return line, (CHARGE_PREFIX + rest) if rest else "charges", message
        return row.line, ".".join(parts) or None, message

    def _report_rejected(self, name: str, valid: list, errors) -> set[int]:
        bad = set()
        for error in errors:
            if error.index is None or error.index >= len(valid):
                # Not about one record: the batch cannot be written at all.
                raise BatchRejected(errors)
            row = valid[error.index][0]
            loc = tuple(error.field.split(".")) if error.field else ()
            line, field_name, message = self._locate(row, loc, self._lines_for(error, valid))
            self.on_error(RowError(name, line, field_name, message))
            bad.add(error.index)
        self.totals.rejected += len(bad)
        return bad

    @staticmethod
    def _lines_for(error, valid) -> str:
        """The service's "at index 3" (of the batch) as "on line 17" (of the file)."""

        def line_of(match):
            index = int(match.group(1))
            return f"on line {valid[index][0].line}" if index < len(valid) else match.group(0)

        message = AT_INDEX.sub(line_of, error.message)
        return message.replace("earlier in this request", "earlier in this batch")

    def _reject(self, name: str, line: int, field_name: str | None, message: str) -> None:
        self.on_error(RowError(name, line, field_name, message))
        self.totals.rejected += 1


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk
