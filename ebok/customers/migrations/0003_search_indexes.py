"""Indexes for the back office's customer search on PostgreSQL (a city has 300,000 customers).

Django's icontains compares UPPER(column) LIKE UPPER('%term%'), which only a trigram index on
the same expression can serve; prefix searches (number, e-mail) need pattern-ops B-trees. SQLite
gets none of these: a village-sized table is scanned quickly anyway.
"""

from django.db import migrations

TRIGRAM_COLUMNS = ["name", "street", "city"]
PREFIX_INDEXES = {
    "customers_customer_number_prefix": "number text_pattern_ops",
    "customers_customer_email_prefix": "UPPER(email) text_pattern_ops",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in TRIGRAM_COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS customers_customer_{column}_trgm "
            f"ON customers_customer USING gin (UPPER({column}) gin_trgm_ops)"
        )
    for name, expression in PREFIX_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON customers_customer ({expression})"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    names = [f"customers_customer_{column}_trgm" for column in TRIGRAM_COLUMNS]
    for name in [*names, *PREFIX_INDEXES]:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("customers", "0002_customer_bank_account_customer_external_id_and_more")]

    operations = [migrations.RunPython(create, drop)]
