"""Running `manage.py import_data` in tests: files written to a folder, the command's output."""

from dataclasses import dataclass
from io import StringIO

from django.core.management import CommandError, call_command

CUSTOMERS_HEADER = "external_id;number;name;postal_code;city;street;email"
POINTS_CSV = (
    "external_id;customer_external_id;code;postal_code;city;street\n"
    "PP-1;K-1;P-1;07-100;Węgrów;ul. Wyszyńskiego 1\n"
)
METERS_CSV = (
    "external_id;service_point_external_id;serial_number;installed_on\nM-1;PP-1;WM-001;01.01.2015\n"
)


@dataclass
class Outcome:
    out: str
    err: str
    exit_code: int

    @property
    def errors(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("error: ")]


def write(folder, name: str, text: str, encoding: str = "utf-8"):
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def import_data(kind: str, *paths, **options) -> Outcome:
    out, err = StringIO(), StringIO()
    arguments = [kind, *(str(path) for path in paths)]
    try:
        call_command("import_data", *arguments, stdout=out, stderr=err, **options)
        code = 0
    except CommandError as error:
        err.write(str(error))
        code = error.returncode
    return Outcome(out.getvalue(), err.getvalue(), code)


def customer_with_meter(folder) -> None:
    """Customer K-1 with point PP-1 and meter M-1, imported from files."""
    customers = f"{CUSTOMERS_HEADER}\nK-1;001234;Jan Węgrowski;07-100;Węgrów;ul. Wyszyńskiego 1;\n"
    assert import_data("customers", write(folder, "k.csv", customers)).exit_code == 0
    assert import_data("service-points", write(folder, "pp.csv", POINTS_CSV)).exit_code == 0
    assert import_data("meters", write(folder, "m.csv", METERS_CSV)).exit_code == 0
