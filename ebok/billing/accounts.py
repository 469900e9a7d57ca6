"""The customer's account for payments ("Rachunek do rozliczeń"): a 26-digit Polish NRB."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

ACCOUNT_CODE_LENGTH = 16


def derived_account(customer_number: str) -> str:
    """The bank's code, the configured prefix and the customer number, with check digits."""
    bank_code, prefix = settings.PAYMENT_BANK_CODE, settings.PAYMENT_ACCOUNT_PREFIX
    if not bank_code:
        return ""
    if not (len(bank_code) == 8 and bank_code.isdigit() and prefix.isdigit() | (prefix == "")):
        raise ImproperlyConfigured(
            "PAYMENT_BANK_CODE takes 8 digits, PAYMENT_ACCOUNT_PREFIX digits"
        )
    width = ACCOUNT_CODE_LENGTH - len(prefix)
    if width < len(customer_number):
        raise ImproperlyConfigured("PAYMENT_ACCOUNT_PREFIX leaves no room for the customer number")
    try:
        iban = IBAN.generate(
            "PL", bank_code=bank_code, account_code=prefix + customer_number.zfill(width)
        )
    except SchwiftyException as error:
        raise ImproperlyConfigured(f"PAYMENT_BANK_CODE {bank_code!r}: {error}") from error
    return str(iban)[2:]


def payment_account(customer) -> str:
    """The NRB to pay to: the billing system's, else the derived one ("" when neither)."""
    return customer.bank_account or derived_account(customer.number)


def is_valid_nrb(nrb: str) -> bool:
    try:
        IBAN("PL" + nrb)
    except SchwiftyException:
        return False
    return True


def format_nrb(nrb: str) -> str:
    """ "12 1020 3040 0000 0000 0000 1234": two check digits, then groups of four."""
    if not nrb:
        return ""
    return " ".join([nrb[:2], *(nrb[i : i + 4] for i in range(2, len(nrb), 4))])
