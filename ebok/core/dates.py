"""Days as the pages write them: the active language's DATE_FORMAT, the text of Django's
date_format (and of a date in a template).

Both languages write "2026-12-05" (ebok/formats), which a date writes itself in a fraction of
a microsecond; Django's formatter reads the format and walks it letter by letter, some 20 µs
a date, and the invoice list writes two dozen. A language with another format gets Django's.
"""

from datetime import date
from functools import cache

from django.utils.formats import date_format, get_format
from django.utils.translation import get_language

ISO = "Y-m-d"


@cache
def _is_iso(language: str | None) -> bool:
    return get_format("DATE_FORMAT", language) == ISO


def day(value: date) -> str:
    """The date in the active language's DATE_FORMAT: "2026-12-05"."""
    return value.isoformat() if _is_iso(get_language()) else date_format(value)


def month(value: date) -> str:
    """A month as the use chart and its table name it, in both languages: "12.2026" (the text
    of strftime("%m.%Y"), which took a tenth of the table's time)."""
    return f"{value.month:02d}.{value.year:04d}"
