"""The active language's decimal sign and thousands separator, for the formatters of amounts
(billing/formatting.py) and volumes (customers/volumes.py).

Read from the language's format module once per language: Django's get_format looks them up
on every call (some 4 µs), and a page writes dozens of numbers. The format modules are files
(ebok/formats, Django's locales), fixed while the server runs.
"""

from dataclasses import dataclass
from functools import cache

from django.utils.formats import get_format
from django.utils.translation import get_language


@dataclass(frozen=True)
class Separators:
    decimal: str
    thousand: str
    grouping: int  # digits in a group; 3 in every language the portal speaks
    table: dict  # str.translate's: Python's signs to the language's

    def write(self, text: str) -> str:
        """A number Python wrote ("-1,234.50") in the language's signs ("-1 234,50")."""
        return text.translate(self.table)


@cache
def _of(language: str | None) -> Separators:
    decimal = get_format("DECIMAL_SEPARATOR", language)
    thousand = get_format("THOUSAND_SEPARATOR", language)
    return Separators(
        decimal=decimal,
        thousand=thousand,
        grouping=get_format("NUMBER_GROUPING", language),
        table=str.maketrans({",": thousand, ".": decimal}),
    )


def separators() -> Separators:
    return _of(get_language())
