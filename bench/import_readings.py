"""Benchmark of `manage.py import_data readings` on PostgreSQL (or any DATABASE_URL).

    .venv/bin/python bench/import_readings.py --readings 1000000

Creates the database (createdb), migrates it, imports customers, service points and meters with
the importer itself, then times the import of a CSV of readings (Polish style: `;`, decimal
commas) and a re-run of the same file (everything unchanged). Drops the database at the end
unless --keep. Prints the summary lines and the rows per second.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/ebok_import_bench"


def manage(environment, *arguments) -> str:
    command = [sys.executable, str(ROOT / "manage.py"), *arguments]
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        command, env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"{' '.join(arguments)} failed:\n{result.stderr[-2000:]}")
    return result.stdout.strip()


def write_setup(folder: Path, meters: int) -> list[tuple[str, Path]]:
    customers = folder / "klienci.csv"
    points = folder / "punkty.csv"
    meter_file = folder / "liczniki.csv"
    with customers.open("w", encoding="utf-8") as stream:
        stream.write("external_id;number;name;postal_code;city;street\n")
        for n in range(meters):
            stream.write(f"K-{n};{n:06d};Klient Łąkowy {n};07-100;Węgrów;ul. Długa {n}\n")
    with points.open("w", encoding="utf-8") as stream:
        stream.write("external_id;customer_external_id;code;postal_code;city;street\n")
        for n in range(meters):
            stream.write(f"PP-{n};K-{n};P-{n};07-100;Węgrów;ul. Długa {n}\n")
    with meter_file.open("w", encoding="utf-8") as stream:
        stream.write("external_id;service_point_external_id;serial_number;installed_on\n")
        for n in range(meters):
            stream.write(f"M-{n};PP-{n};WM-{n:06d};01.01.2015\n")
    return [("customers", customers), ("service-points", points), ("meters", meter_file)]


def write_readings(path: Path, count: int, meters: int) -> None:
    with path.open("w", encoding="utf-8") as stream:
        stream.write("external_id;meter_external_id;read_on;value;source\n")
        for n in range(count):
            meter, step = n % meters, n // meters
            day = f"{1 + step % 28:02d}.{1 + step // 28 % 12:02d}.{2000 + step // 336}"
            stream.write(f"R-{n};M-{meter};{day};{step * 9},{n % 1000:03d};reader\n")


def timed(environment, *arguments) -> tuple[float, str]:
    started = time.monotonic()
    output = manage(environment, *arguments)
    return time.monotonic() - started, output


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readings", type=int, default=1_000_000)
    parser.add_argument("--meters", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--keep", action="store_true", help="do not drop the database")
    args = parser.parse_args()
    environment = {**os.environ, "DATABASE_URL": args.database_url}
    environment.setdefault("SECRET_KEY", "bench-only")
    postgres = args.database_url.startswith("postgres")
    name = args.database_url.rsplit("/", 1)[-1]
    if postgres:
        subprocess.run(  # noqa: S603
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", name],  # noqa: S607 - PostgreSQL client on PATH
            check=True,
        )
    try:
        manage(environment, "migrate", "--verbosity=0")
        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            for kind, path in write_setup(folder, args.meters):
                manage(environment, "import_data", kind, str(path))
            readings = folder / "odczyty.csv"
            write_readings(readings, args.readings, args.meters)
            size = readings.stat().st_size / 1e6
            print(f"{args.readings:,} readings for {args.meters:,} meters ({size:.0f} MB)")
            batch = f"--batch-size={args.batch_size}"
            for label in ("import", "re-run"):
                seconds, output = timed(
                    environment, "import_data", "readings", str(readings), batch
                )
                rate = args.readings / seconds
                print(f"{label}: {output}")
                print(f"{label}: {seconds:.1f} s wall clock, {rate:,.0f} rows/s")
    finally:
        if postgres and not args.keep:
            subprocess.run(  # noqa: S603
                ["dropdb", "-h", "127.0.0.1", "-U", "postgres", name],  # noqa: S607
                check=False,
            )


if __name__ == "__main__":
    main()
