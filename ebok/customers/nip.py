"""NIP, the Polish tax identification number of a company (or a sole trader).

Ten digits, the last a check digit: the first nine weighted 6, 5, 7, 2, 3, 4, 5, 6, 7, summed,
modulo 11 (the Ministry of Finance's rule; a remainder of 10 is never issued). No library the
project already has checks it (schwifty does bank accounts only), and the rule is this short.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
DIGITS = re.compile(r"^[0-9]{10}$")


def is_nip(value: str) -> bool:
    if not DIGITS.match(value or ""):
        return False
    check = sum(int(digit) * weight for digit, weight in zip(value, WEIGHTS, strict=False)) % 11
    return check != 10 and check == int(value[9])


def validate_nip(value: str) -> None:
    if value and not is_nip(value):
        raise ValidationError(
            _("A NIP has 10 digits, the last of them a check digit; this one does not add up."),
            code="invalid_nip",
        )
