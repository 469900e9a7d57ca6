"""A customer's meters with each one's last reading, for "Punkty/liczniki" and the use chart
beside it (portal/scope.py is the way to it).

Written as SQL: built from expressions (two correlated subqueries over Reading.counted() on
the meters' query, prefetched for the points) it cost the app about 1.5 ms of building on
each request of the tab, ten times what the database needs to answer it.
"""

from django.db import connections, router

from ebok.core.sql import ModelColumns, as_date, as_decimal
from ebok.customers.models import Meter, Reading, ServicePoint
from ebok.customers.volumes import THOUSANDTH

_METER = ModelColumns(Meter, "m")


def meters_with_last_reading(customer_id: int) -> list[Meter]:
    """The customer's meters, those in use first, then the removed ones (the latest removal
    first), by kind and serial number; each with last_read_on and last_value of its last
    reading that counts (Reading.objects.counted(): not rejected), None without one."""
    connection = connections[router.db_for_read(Meter)]
    quote = connection.ops.quote_name
    reading, meter, point = (
        quote(model._meta.db_table) for model in (Reading, Meter, ServicePoint)
    )

    def last(column: str) -> str:
        return (
            f"(SELECT r.{column} FROM {reading} r"  # noqa: S608
            " WHERE r.meter_id = m.id AND r.review <> %s"
            " ORDER BY r.read_on DESC, r.id DESC LIMIT 1)"
        )

    # Table and column names from the models; the customer and the review state are parameters.
    sql = (
        f"SELECT {_METER.select(connection)}, {last('read_on')}, {last('value')}"  # noqa: S608
        f" FROM {meter} m JOIN {point} p ON p.id = m.service_point_id WHERE p.customer_id = %s"
        # In use (no removal date) first: spelled out, as PostgreSQL and SQLite would each put
        # NULL at a different end of a descending order.
        " ORDER BY (CASE WHEN m.removed_on IS NULL THEN 0 ELSE 1 END), m.removed_on DESC,"
        " m.kind, m.serial_number, m.id"
    )
    rejected = Reading.Review.REJECTED.value
    with connection.cursor() as cursor:
        cursor.execute(sql, [rejected, rejected, customer_id])
        rows = cursor.fetchall()
    meters = []
    for row in rows:
        meter = _METER.instance(connection, row, 0)
        read_on, value = row[_METER.width :]
        meter.last_read_on = None if read_on is None else as_date(read_on)
        meter.last_value = None if value is None else as_decimal(value, THOUSANDTH)
        meters.append(meter)
    return meters
