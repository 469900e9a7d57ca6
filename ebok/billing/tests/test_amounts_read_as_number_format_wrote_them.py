"""Amounts are written by billing/formatting.py in the text Django's number_format wrote
before it, in both languages, for every amount and unit price."""

import random
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.utils import translation
from django.utils.formats import number_format

from ebok.billing.formatting import CURRENCY, GROSZ, money, unit_price

NBSP = "\N{NO-BREAK SPACE}"
EDGES = [
    Decimal("0"),
    Decimal("-0.004"),  # rounds to zero: no minus sign
    Decimal("-0.005"),  # half up: a grosz owed back
    Decimal("999.995"),
    Decimal("-1234567.891"),
    Decimal("1E+6"),
    Decimal("10.52634"),
    Decimal("-0.00004"),
]


def many_amounts():
    draw = random.Random(12)  # noqa: S311 - the same test values on every run, no secret
    amounts = list(EDGES)
    for _ in range(3000):
        amounts.append(Decimal(draw.randint(-(10**11), 10**11)) / 10 ** draw.randint(0, 6))
    return amounts


def as_number_format_wrote_it(amount: Decimal) -> str:
    rounded = amount.quantize(GROSZ, rounding=ROUND_HALF_UP)
    digits = number_format(rounded, decimal_pos=2, use_l10n=True, force_grouping=True)
    return f"{digits}{NBSP}{CURRENCY}"


@pytest.mark.parametrize("language", ["pl", "en"])
def test_an_amount_reads_as_number_format_wrote_it(language):
    with translation.override(language):
        differ = [(a, as_number_format_wrote_it(a), money(a)) for a in many_amounts()]
        differ = [row for row in differ if row[1] != row[2]]
    assert differ == []


@pytest.mark.parametrize("language", ["pl", "en"])
def test_a_unit_price_reads_as_number_format_wrote_it(language):
    step = Decimal("0.0001")
    with translation.override(language):
        differ = []
        for amount in many_amounts():
            rounded = amount.quantize(step, rounding=ROUND_HALF_UP)
            places = max(2, -rounded.normalize().as_tuple().exponent)
            digits = number_format(rounded, decimal_pos=places, use_l10n=True, force_grouping=True)
            if unit_price(amount) != f"{digits}{NBSP}{CURRENCY}":
                differ.append((amount, digits, unit_price(amount)))
    assert differ == []
