"""Amounts as customers read them, shared by the portal's pages and its PDF copies."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

from ebok.core.separators import separators

CURRENCY = "zł"
GROSZ = Decimal("0.01")
# A unit price is kept to 4 decimals (InvoiceLine.unit_net_price): water at 10.5263 zł/m³.
UNIT_PRICE_STEP = Decimal("0.0001")


def _zloty(amount: Decimal, places: int) -> str:
    """The text of Django's number formatting in the active language, with thousands grouped
    whatever USE_THOUSAND_SEPARATOR says. Polish groups digits with a non-breaking space
    (U+00A0), and the currency follows after another one, so an amount never breaks across
    lines on a page or in a PDF. A negative amount (a corrective invoice) keeps its minus sign
    in front; an amount that rounds to zero has none.

    The amount comes rounded to its places. Python's own grouping by threes writes it in half
    of number_format's time (a test compares the two on many amounts): the invoice list writes
    some thirty amounts."""
    signs = separators()
    if signs.grouping == 3:
        digits = signs.write(f"{amount.copy_abs() if amount.is_zero() else amount:,.{places}f}")
    else:  # a language grouped otherwise
        digits = number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)
    return f"{digits}\N{NO-BREAK SPACE}{CURRENCY}"


def money(amount: Decimal) -> str:
    """An amount in złoty, in the active language: "1 234,50 zł" (Polish), "1,234.50 zł" (English).

    The amount is rounded half up to whole grosze first, because Django cuts off further digits
    rather than rounding them.
    """
    return _zloty(amount.quantize(GROSZ, rounding=ROUND_HALF_UP), 2)


def unit_price(amount: Decimal) -> str:
    """A unit price in złoty with the decimals it has, at least 2 and at most 4: "10,5263 zł",
    "5,43 zł", "12,50 zł". Rounding it to grosze, as money() does, would show a price that
    does not multiply out to the charge's net amount."""
    rounded = amount.quantize(UNIT_PRICE_STEP, rounding=ROUND_HALF_UP)
    places = max(2, -rounded.normalize().as_tuple().exponent)
    return _zloty(rounded, places)
