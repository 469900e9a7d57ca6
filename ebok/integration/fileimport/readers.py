"""Reading import files: CSV (Polish conventions) and JSON Lines, into the API's record shape.

Every reader yields Row objects: where the record starts (file line) and a dict with the API's
JSON field names, still unchecked. CSV cells are converted only where Polish habits differ from
the API: a decimal comma ("12,345"), dates as DD.MM.YYYY, booleans as tak/nie. An empty cell is
a field left out. Checking the values is the schemas' job, not the reader's.
"""

import codecs
import csv
import json
import re
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

ENCODINGS = ("utf-8", "cp1250", "auto")
FORMATS = ("csv", "jsonl")
CHARGE_PREFIX = "charge_"
POLISH_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
TRUE = {"1", "true", "t", "tak", "yes", "y"}
FALSE = {"0", "false", "f", "nie", "no", "n"}


class FileProblem(Exception):
    """The file as a whole cannot be read (encoding, header): none of its rows is imported."""

    def __init__(self, line: int, field_name: str | None, message: str):
        super().__init__(message)
        self.line = line
        self.field = field_name
        self.message = message


@dataclass
class Row:
    line: int
    data: dict
    # For an invoice in CSV: the line of each charge, in order.
    charge_lines: list[int] = field(default_factory=list)


def format_of(path: Path, given: str | None) -> str:
    if given:
        return given
    suffix = path.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise FileProblem(0, None, "Unknown format: name the file .csv or .jsonl, or use --format.")


def detect_encoding(path: Path, given: str) -> str:
    """The codec to open the file with: UTF-8 (a BOM is dropped) or Windows-1250.

    auto: UTF-8 when the whole file decodes as UTF-8 (checked in one streaming pass, which is
    cheap next to the import), else Windows-1250.
    """
    if given == "cp1250":
        return "cp1250"
    if given == "utf-8":
        return "utf-8-sig"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1250"
    return "utf-8-sig"


# Field kinds, read from the schemas, so that the reader converts what the API types say.


def _leaves(annotation) -> set:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _leaves(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return set().union(*(_leaves(arg) for arg in typing.get_args(annotation)))
    return {annotation}


def field_kinds(schema) -> dict[str, str]:
    """name -> "decimal" | "date" | "bool" | "text" for a record schema's fields."""
    kinds = {}
    for name, info in schema.model_fields.items():
        leaves = _leaves(info.annotation)
        if Decimal in leaves:
            kinds[name] = "decimal"
        elif bool in leaves:
            kinds[name] = "bool"
        elif date in leaves and datetime not in leaves:
            kinds[name] = "date"
        else:
            kinds[name] = "text"
    return kinds


def convert(value: str, kind: str):
    """One CSV cell (not empty) as the API would take it."""
    if kind == "decimal":
        return value.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if kind == "date":
        stripped = value.strip()
        match = POLISH_DATE.fullmatch(stripped)
        if match:
            day, month, year = match.groups()
            return f"{year}-{int(month):02d}-{int(day):02d}"
        return stripped
    if kind == "bool":
        lowered = value.strip().lower()
        if lowered in TRUE:
            return True
        if lowered in FALSE:
            return False
        return value
    return value


# CSV ----------------------------------------------------------------------------------------


def _delimiter(header_line: str) -> str:
    """`;` (the Polish default, Excel's in a Polish locale) unless the header has only commas."""
    if ";" in header_line:
        return ";"
    if "," in header_line:
        return ","
    if "\t" in header_line:
        return "\t"
    return ";"


class CsvLayout:
    """The columns of one kind of record: the schema's fields; for invoices also the charges'
    fields prefixed with charge_ (one row per charge, see docs/import.md)."""

    def __init__(self, schema, charge_schema=None):
        self.kinds = {k: v for k, v in field_kinds(schema).items() if k != "charges"}
        self.charge_kinds = field_kinds(charge_schema) if charge_schema else {}
        self.allowed = set(self.kinds) | {CHARGE_PREFIX + name for name in self.charge_kinds}

    def check_header(self, header: list[str]) -> None:
        if not any(header):
            raise FileProblem(1, None, "The first line must be a header with the field names.")
        seen = set()
        for name in header:
            if name in seen:
                raise FileProblem(1, name, f"Column {name!r} is given twice.")
            seen.add(name)
            if name not in self.allowed:
                known = ", ".join(sorted(self.allowed))
                raise FileProblem(1, name, f"Unknown column {name!r}; the columns are: {known}.")

    def split(self, cells: dict[str, str]) -> tuple[dict, dict]:
        """The record's own fields and (for invoices) the charge's, empty cells left out."""
        record, charge = {}, {}
        for name, value in cells.items():
            if value is None or value.strip() == "":
                continue
            if name.startswith(CHARGE_PREFIX) and name not in self.kinds:
                short = name.removeprefix(CHARGE_PREFIX)
                charge[short] = convert(value, self.charge_kinds[short])
            else:
                record[name] = convert(value, self.kinds[name])
        return record, charge


def read_csv(path: Path, encoding: str, layout: CsvLayout):
    """Rows of a CSV file; consecutive rows with the same external_id and charge columns are
    one invoice with several charges."""
    with path.open(encoding=encoding, newline="") as stream:
        try:
            header_line = stream.readline()
        except UnicodeDecodeError as error:
            raise FileProblem(1, None, f"Not {encoding}: {error.reason}.") from error
        delimiter = _delimiter(header_line)
        header = [
            name.strip().lstrip("\ufeff")
            for name in next(csv.reader([header_line], delimiter=delimiter), [])
        ]
        layout.check_header(header)
        reader = csv.reader(stream, delimiter=delimiter)
        reader_line = 1  # physical lines read so far (the header)
        pending: Row | None = None
        try:
            for cells in reader:
                line = reader_line + 1
                reader_line = reader.line_num + 1
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) != len(header):
                    if pending:
                        yield pending
                        pending = None
                    message = f"{len(cells)} columns where the header has {len(header)}."
                    yield Row(line, {"__problem__": message})
                    continue
                record, charge = layout.split(dict(zip(header, cells, strict=True)))
                if not layout.charge_kinds:
                    yield Row(line, record)
                    continue
                if pending and pending.data.get("external_id") == record.get("external_id"):
                    if {k: v for k, v in pending.data.items() if k != "charges"} != record:
                        pending.data.setdefault("__differs__", line)
                else:
                    if pending:
                        yield pending
                    pending = Row(line, {**record, "charges": []})
                if charge:
                    pending.data["charges"].append(charge)
                    pending.charge_lines.append(line)
        except UnicodeDecodeError as error:
            raise FileProblem(reader_line + 1, None, f"Not {encoding}: {error.reason}.") from error
        except csv.Error as error:
            raise FileProblem(reader_line + 1, None, f"Malformed CSV: {error}.") from error
        if pending:
            yield pending


# JSON Lines -----------------------------------------------------------------------------------


def read_jsonl(path: Path, encoding: str):
    with path.open(encoding=encoding) as stream:
        line = 0
        try:
            for line, text in enumerate(stream, start=1):
                if not text.strip():
                    continue
                try:
                    data = json.loads(text)
                except json.JSONDecodeError as error:
                    yield Row(line, {"__problem__": f"Not JSON: {error.msg}."})
                    continue
                if not isinstance(data, dict):
                    yield Row(line, {"__problem__": "Each line must be one JSON object."})
                    continue
                yield Row(line, data)
        except UnicodeDecodeError as error:
            raise FileProblem(line + 1, None, f"Not {encoding}: {error.reason}.") from error


def read(path: Path, fmt: str, encoding: str, layout: CsvLayout):
    if fmt == "csv":
        return read_csv(path, encoding, layout)
    return read_jsonl(path, encoding)
