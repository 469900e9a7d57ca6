"""Volumes of water (m³) as customers read them: the one formatter for readings, use and
leaks, on pages, in e-mails, messages, files and the office."""

from decimal import ROUND_HALF_UP, Decimal

from ebok.core.separators import separators

# Readings and use are kept to the litre.
THOUSANDTH = Decimal("0.001")


def volume(value, decimal_sign: str | None = None) -> str:
    """m³ to three decimals, rounded half up, in the active language: 1234.5 → "1234,500"
    (Polish), "1234.500" (English); empty for None. Digits are not grouped, as the readings
    on a meter's dial are not.

    The text Django's floatformat:3 writes (a test compares the two on many values), in a
    third of its time: a meter's page writes some fifty volumes. A table passes the active
    language's decimal sign (separators().decimal), looked up once for all of its rows:
    finding the language took a third of each volume's time.
    """
    if value is None:
        return ""
    if not isinstance(value, Decimal):
        value = Decimal(repr(value))  # a float as it prints, as floatformat takes it
    rounded = value.quantize(THOUSANDTH, rounding=ROUND_HALF_UP)
    text = f"{rounded.copy_abs() if rounded.is_zero() else rounded:f}"  # never "-0,000"
    return text.replace(".", decimal_sign or separators().decimal)
