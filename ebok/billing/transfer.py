"""The QR code Polish banking apps read to fill in a transfer (the Polish Bank Association's
"QR code for transfers" recommendation: fields separated by "|")."""

from decimal import Decimal
from functools import lru_cache

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
    return _qr_svg(transfer_qr_payload(account, amount, title), title)


# Drawing the code took longer than all the rest of the payments page. What is drawn depends
# on the payload and the title alone (the payload holds the settings' NIP and recipient too),
# so a code drawn once is right for as long as it is kept; each process keeps the latest few.
@lru_cache(maxsize=512)
def _qr_svg(payload: str, title: str) -> str:
    qr = segno.make(payload, error="m", micro=False)
    return qr.svg_inline(scale=4, title=title, dark="#1b1f23")
