"""Benchmark of the demo-data generator (`manage.py demo_data`) on any database.

    make bench DATABASE_URL=postgres://postgres@127.0.0.1:5432/ebok_bench BENCH_CUSTOMERS=100000
    DATABASE_URL=... .venv/bin/python bench/demo_data.py --customers 100000 --years 5

Migrates the database, runs the generator (which replaces the demo data an earlier run made)
and prints the customers, the rows in each table, the seconds and the rows written per second.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TABLES = {
    "customer": ("customers", "customers_customer"),
    "point": ("service points", "customers_servicepoint"),
    "meter": ("meters", "customers_meter"),
    "reading": ("readings", "customers_reading"),
    "invoice": ("invoices", "billing_invoice"),
    "line": ("invoice lines", "billing_invoiceline"),
    "payment": ("payments", "billing_payment"),
    "announcement": ("announcements", "content_announcement"),
    "document": ("documents", "content_document"),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", help="default: $DATABASE_URL, else the SQLite file")
    args = parser.parse_args()
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ebok.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only")  # the generator signs nothing

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from ebok.customers.demo.run import generate

    call_command("migrate", verbosity=0)
    database = f"{connection.vendor} {connection.settings_dict['NAME']}"
    print(f"demo data: {args.customers:,} customers x {args.years} years on {database}")
    report = generate(customers=args.customers, years=args.years, seed=args.seed, progress=print)

    print(f"\n{'table':<16}{'rows written':>14}{'rows in table':>15}")
    with connection.cursor() as cursor:
        for key, (name, table) in TABLES.items():
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            print(f"{name:<16}{report.rows[key]:>14,}{cursor.fetchone()[0]:>15,}")
    print(f"{'total':<16}{report.total_rows:>14,}")
    print(f"\ncustomers:   {report.customers:,}")
    print(f"seconds:     {report.seconds:,.1f}")
    print(f"rows/second: {report.total_rows / report.seconds:,.0f}")


if __name__ == "__main__":
    main()
