"""The transfer's QR code is drawn once and kept; what is kept must be what would be drawn now:
another amount, account, title or utility setting gives another code."""

from decimal import Decimal

import segno

from ebok.billing.transfer import transfer_qr_payload, transfer_qr_svg

ACCOUNT = "12345678901234567890123456"
TITLE = "Woda i ścieki, klient 001234"


def drawn_now(account, amount, title) -> str:
    qr = segno.make(transfer_qr_payload(account, amount, title), error="m", micro=False)
    return qr.svg_inline(scale=4, title=title, dark="#1b1f23")


def test_the_same_inputs_give_the_code_drawn_before():
    first = transfer_qr_svg(ACCOUNT, Decimal("60.00"), TITLE)
    assert transfer_qr_svg(ACCOUNT, Decimal("60.00"), TITLE) == first
    assert first == drawn_now(ACCOUNT, Decimal("60.00"), TITLE)


def test_another_amount_account_or_title_gives_another_code():
    kept = transfer_qr_svg(ACCOUNT, Decimal("60.00"), TITLE)
    others = [
        transfer_qr_svg(ACCOUNT, Decimal("60.01"), TITLE),
        transfer_qr_svg("12345678901234567890123457", Decimal("60.00"), TITLE),
        transfer_qr_svg(ACCOUNT, Decimal("60.00"), "Woda i ścieki, klient 001235"),
    ]
    assert kept not in others
    assert len(set(others)) == 3


def test_a_changed_utility_setting_gives_the_code_drawn_now(settings):
    before = transfer_qr_svg(ACCOUNT, Decimal("60.00"), TITLE)
    settings.UTILITY_NIP = "5250001009"
    settings.PAYMENT_RECIPIENT = "Wodociągi Nowe"
    after = transfer_qr_svg(ACCOUNT, Decimal("60.00"), TITLE)
    assert after != before
    assert after == drawn_now(ACCOUNT, Decimal("60.00"), TITLE)
