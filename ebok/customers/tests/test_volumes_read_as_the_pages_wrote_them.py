"""m³ are written by one formatter (customers/volumes.py); it writes what the template filter
floatformat:3 wrote before it, in both languages."""

import random
from decimal import Decimal

import pytest
from django.template.defaultfilters import floatformat
from django.utils import translation

from ebok.customers.volumes import volume

EDGES = [
    Decimal("0"),
    Decimal("-0.0004"),  # rounds to zero: no minus sign
    Decimal("0.0005"),  # half up
    Decimal("-0.0005"),
    Decimal("157.1235"),
    Decimal("99999.9995"),
    Decimal("1E+3"),
    Decimal("9.5"),
    12,
    0.1,
    1.0005,
    -0.0,
]


def many_values():
    draw = random.Random(9)  # noqa: S311 - the same test values on every run, no secret
    values = list(EDGES)
    for _ in range(3000):
        values.append(Decimal(draw.randint(-(10**9), 10**9)) / 10 ** draw.randint(0, 6))
        values.append(round(draw.uniform(-1e5, 1e5), draw.randint(0, 6)))
    return values


@pytest.mark.parametrize("language", ["pl", "en"])
def test_a_volume_reads_as_floatformat_3_wrote_it(language):
    with translation.override(language):
        differ = [(v, floatformat(v, 3), volume(v)) for v in many_values()]
        differ = [row for row in differ if row[1] != row[2]]
    assert differ == []


def test_a_volume_has_the_languages_decimal_sign_and_no_grouping():
    with translation.override("pl"):
        assert volume(Decimal("1234.5")) == "1234,500"
        assert volume(Decimal("-0.0004")) == "0,000"
    with translation.override("en"):
        assert volume(Decimal("1234.5")) == "1234.500"
    assert volume(None) == ""
