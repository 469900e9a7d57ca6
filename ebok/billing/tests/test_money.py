"""Amounts as the portal's pages and PDF copies show them."""

from decimal import Decimal

from django.utils import translation

from ebok.billing.formatting import money

NBSP = "\N{NO-BREAK SPACE}"


def test_polish_groups_thousands_with_a_no_break_space_and_a_decimal_comma():
    with translation.override("pl"):
        assert money(Decimal("1234.5")) == f"1{NBSP}234,50{NBSP}zł"
        assert money(Decimal("1234567.89")) == f"1{NBSP}234{NBSP}567,89{NBSP}zł"


def test_small_amounts_and_zero_have_two_decimals_and_no_grouping():
    with translation.override("pl"):
        assert money(Decimal("0")) == f"0,00{NBSP}zł"
        assert money(Decimal("999.9")) == f"999,90{NBSP}zł"


def test_negative_amounts_keep_the_minus_in_front():
    with translation.override("pl"):
        assert money(Decimal("-1234.56")) == f"-1{NBSP}234,56{NBSP}zł"


def test_english_groups_with_commas_and_keeps_the_zloty_sign_after():
    with translation.override("en"):
        assert money(Decimal("1234.5")) == f"1,234.50{NBSP}zł"


def test_fractions_of_a_grosz_are_rounded_half_up_not_cut_off():
    with translation.override("pl"):
        assert money(Decimal("999.995")) == f"1{NBSP}000,00{NBSP}zł"
        assert money(Decimal("0.004")) == f"0,00{NBSP}zł"
        assert money(Decimal("-2.345")) == f"-2,35{NBSP}zł"
