"""Amounts as customers read them, shared by the portal's pages and its PDF copies."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

CURRENCY = "zł"
GROSZ = Decimal("0.01")


def money(amount: Decimal) -> str:
    """An amount in złoty, in the active language: "1 234,50 zł" (Polish), "1,234.50 zł" (English).

    Django's own number formatting, with thousands grouped whatever USE_THOUSAND_SEPARATOR says.
    Polish groups digits with a non-breaking space (U+00A0), and the currency follows after
    another one, so an amount never breaks across lines on a page or in a PDF. The amount is
    rounded half up to whole grosze first, because Django cuts off further digits rather than
    rounding them. A negative amount (a corrective invoice) keeps its minus sign in front.
    """
    rounded = amount.quantize(GROSZ, rounding=ROUND_HALF_UP)
    digits = number_format(rounded, decimal_pos=2, use_l10n=True, force_grouping=True)
    return f"{digits}\N{NO-BREAK SPACE}{CURRENCY}"
