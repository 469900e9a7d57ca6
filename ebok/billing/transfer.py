"""The QR code Polish banking apps read to fill in a transfer (the Polish Bank Association's
"QR code for transfers" recommendation: fields separated by "|")."""

from decimal import Decimal

import segno
from django.conf import settings

RECIPIENT_LENGTH = 20
TITLE_LENGTH = 32


def transfer_qr_payload(account: str, amount: Decimal, title: str) -> str:
    # NIP | country | account | amount in grosze (6 digits) | recipient | title | reserved x3
    grosze = int((amount * 100).to_integral_value())
    fields = [
        settings.UTILITY_NIP,
        "PL",
        account,
        f"{grosze:06d}",
        settings.PAYMENT_RECIPIENT[:RECIPIENT_LENGTH],
        title[:TITLE_LENGTH],
        "",
        "",
        "",
    ]
    return "|".join(field.replace("|", " ") for field in fields)


def transfer_qr_svg(account: str, amount: Decimal, title: str) -> str:
    """An SVG element (no XML declaration) to place in the page."""
    qr = segno.make(transfer_qr_payload(account, amount, title), error="m", micro=False)
    return qr.svg_inline(scale=4, title=title, dark="#1b1f23")
