"""Values as a query written in SQL receives them. The few queries written so (the balance, the
readings behind the use by month) are those whose building from expressions cost the app more
than the database needs to answer them (docs/performance.md); the ORM's converters do not run
for them, so these do."""

from datetime import date
from decimal import Decimal


def as_decimal(value, step: Decimal) -> Decimal:
    """A number to the step of its column: PostgreSQL gives a Decimal, SQLite a float or an int
    (it adds decimals as binary fractions: 0.1 + 0.2 comes back as 0.30000000000000004)."""
    return Decimal(str(value)).quantize(step)


def as_date(value) -> date:
    """A date as the database gives it: PostgreSQL a date, SQLite a date or its ISO text (a
    date column is converted, a date that an expression computed is not)."""
    return value if isinstance(value, date) else date.fromisoformat(value)
