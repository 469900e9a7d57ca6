"""A customer's invoices as the pages that ask most often read them, written in SQL (reached
through portal/scope.py): built from expressions, each query cost the app more to build than
the database needs to answer it (docs/performance.md)."""

from django.db import connections, router

from ebok.billing.models import Invoice
from ebok.core.sql import ModelColumns

_INVOICE = ModelColumns(Invoice, "i")


def latest_invoice(customer_id: int) -> Invoice | None:
    """The customer's invoice issued last (the newest id of the day), or None."""
    return _INVOICE.first(
        "WHERE i.customer_id = %s ORDER BY i.issued_on DESC, i.id DESC", [customer_id]
    )


def counts_by_year(customer_id: int) -> dict[int, int]:
    """How many invoices each year has, newest year first: the year filter's options and the
    paginator's count in one query."""
    connection = connections[router.db_for_read(Invoice)]
    year, year_params = connection.ops.date_extract_sql("year", "issued_on", ())
    table = connection.ops.quote_name(Invoice._meta.db_table)
    # The year's expression is the backend's own (SQLite's takes a parameter); the customer is
    # a parameter.
    sql = (
        f"SELECT {year}, COUNT(*) FROM {table}"  # noqa: S608
        " WHERE customer_id = %s GROUP BY 1 ORDER BY 1 DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*year_params, customer_id])
        return {int(year): count for year, count in cursor.fetchall()}
