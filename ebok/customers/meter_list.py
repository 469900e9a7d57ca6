"""A customer's service points with their open leak warnings, and meters with each one's last
reading, for "Punkty/liczniki" and the use chart beside it (portal/scope.py is the way to
them).

Written as SQL: built from expressions (subqueries for the warning's figures on the points'
query, two over Reading.counted() on the meters' query) they cost the app about 2.5 ms of
building on each request of the tab, ten times what the database needs to answer them.
"""

from django.db import connections, router

from ebok.core.sql import ModelColumns, as_date, as_decimal
from ebok.customers.models import LeakWarning, Meter, Reading, ServicePoint
from ebok.customers.volumes import THOUSANDTH

_METER = ModelColumns(Meter, "m")
_POINT = ModelColumns(ServicePoint, "p")
_WARNING = ModelColumns(LeakWarning, "w")


def points_with_open_leak_warning(customer_id: int) -> list[ServicePoint]:
    """The customer's service points by code, each with leak_warning: its open warning (there
    is at most one, a constraint says), or None."""
    connection = connections[router.db_for_read(ServicePoint)]
    quote = connection.ops.quote_name
    point, warning = (quote(model._meta.db_table) for model in (ServicePoint, LeakWarning))
    # Table and column names from the models; the customer is a parameter.
    sql = (
        f"SELECT {_POINT.select(connection)}, {_WARNING.select(connection)}"  # noqa: S608
        f" FROM {point} p LEFT JOIN {warning} w"
        " ON w.service_point_id = p.id AND w.cleared_on IS NULL"
        " WHERE p.customer_id = %s ORDER BY p.code, p.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [customer_id])
        rows = cursor.fetchall()
    points = []
    for row in rows:
        service_point = _POINT.instance(connection, row, 0)
        service_point.leak_warning = None
        if row[_POINT.width] is not None:  # the warning's id: a warning is open
            service_point.leak_warning = _WARNING.instance(connection, row, _POINT.width)
            service_point.leak_warning.service_point = service_point
        points.append(service_point)
    return points


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


def meter_with_point(customer_id: int, meter_id: int) -> Meter | None:
    """The customer's meter with its service point, or None: another customer's meter is not
    found. A meter's page reads it on every request."""
    connection = connections[router.db_for_read(Meter)]
    # An id the column cannot hold is no meter (SQLite would refuse the parameter).
    low, high = connection.ops.integer_field_range(Meter._meta.pk.get_internal_type())
    if not low <= meter_id <= high:
        return None
    quote = connection.ops.quote_name
    meter, point = (quote(model._meta.db_table) for model in (Meter, ServicePoint))
    # Table names from the models; the customer and the meter are parameters.
    sql = (
        f"SELECT {_METER.select(connection)}, {_POINT.select(connection)}"  # noqa: S608
        f" FROM {meter} m JOIN {point} p ON p.id = m.service_point_id"
        " WHERE m.id = %s AND p.customer_id = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [meter_id, customer_id])
        row = cursor.fetchone()
    if row is None:
        return None
    found = _METER.instance(connection, row, 0)
    found.service_point = _POINT.instance(connection, row, _METER.width)
    return found
