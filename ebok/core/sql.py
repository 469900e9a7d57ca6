"""Values and model instances as a query written in SQL receives them. The queries written so
(the balance, the readings behind the use by month, what the panel's pages ask on every
request) are those whose building from expressions cost the app more than the database needs
to answer them (docs/performance.md); the ORM's converters do not run for them, so these do."""

from datetime import date
from decimal import Decimal

from django.db import connections, router


def as_decimal(value, step: Decimal) -> Decimal:
    """A number to the step of its column: PostgreSQL gives a Decimal, SQLite a float or an int
    (it adds decimals as binary fractions: 0.1 + 0.2 comes back as 0.30000000000000004)."""
    return Decimal(str(value)).quantize(step)


def as_date(value) -> date:
    """A date as the database gives it: PostgreSQL a date, SQLite a date or its ISO text (a
    date column is converted, a date that an expression computed is not)."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def days_before(connection, column: str) -> str:
    """The date so many days (the next parameter) before the date in column, in SQL: the one
    expression the two databases write differently (PostgreSQL subtracts whole days from a
    date, SQLite's date() takes a modifier; both give a date that compares as the column's)."""
    if connection.vendor == "sqlite":
        return f"date({column}, '-' || %s || ' days')"
    return f"({column} - CAST(%s AS integer))"


class ModelColumns:
    """A model's columns in a query written in SQL, and its instance read back from them, as
    the ORM would read it: the same fields, the same converters (SQLite's text dates and
    times, booleans as integers, a field's own from_db_value), a loaded instance.

    The column list comes from the model, so a field added by a migration is read too.
    """

    def __init__(self, model, alias: str):
        self.model, self.alias = model, alias
        self.fields = model._meta.concrete_fields
        self.attnames = [field.attname for field in self.fields]
        self.width = len(self.fields)
        self._converters = {}  # by connection alias: [(index, converters, expression)]

    def objects(self, rest: str, params: list) -> list:
        """The model's instances that `SELECT <columns> FROM <table> <alias> <rest>` reads:
        rest is the query's WHERE, ORDER BY and LIMIT, with %s for each of params. Dates and
        times are passed as the ORM passes them (SQLite keeps them as ISO text, times in UTC
        without an offset: a raw parameter must be written so to compare)."""
        connection = connections[router.db_for_read(self.model)]
        table = connection.ops.quote_name(self.model._meta.db_table)
        sql = f"SELECT {self.select(connection)} FROM {table} {self.alias} {rest}"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [connection.ops.adapt_unknown_value(value) for value in params])
            return [self.instance(connection, row, 0) for row in cursor.fetchall()]

    def first(self, rest: str, params: list):
        """The first instance objects(rest + " LIMIT 1", params) reads, or None."""
        found = self.objects(f"{rest} LIMIT 1", params)
        return found[0] if found else None

    def select(self, connection) -> str:
        quote = connection.ops.quote_name
        return ", ".join(f"{self.alias}.{quote(field.column)}" for field in self.fields)

    def instance(self, connection, row, start: int):
        """The instance from row[start:start + width]."""
        values = list(row[start : start + self.width])
        for index, converters, expression in self._converters_for(connection):
            for converter in converters:
                values[index] = converter(values[index], expression, connection)
        return self.model.from_db(connection.alias, self.attnames, values)

    def _converters_for(self, connection):
        found = self._converters.get(connection.alias)
        if found is None:
            # What SQLCompiler.get_converters finds for each selected column.
            found = []
            for index, field in enumerate(self.fields):
                expression = field.get_col(self.alias)
                converters = connection.ops.get_db_converters(expression)
                converters += expression.get_db_converters(connection)
                if converters:
                    found.append((index, converters, expression))
            self._converters[connection.alias] = found
        return found
