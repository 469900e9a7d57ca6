"""Password rules: the length the form promises, no personal data, temporary passwords."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# No 0/O, 1/l/I: a temporary password is read off paper and typed by hand.
UNAMBIGUOUS_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"


def minimum_length_text() -> str:
    n = settings.PASSWORD_MIN_LENGTH
    return ngettext(
        "Password must be at least %(n)d character long.",
        "Password must be at least %(n)d characters long.",
        n,
    ) % {"n": n}


class MinimumLengthValidator:
    """Reads the setting on every call, so a deployment (or a test) can change it."""

    def validate(self, password, user=None):
        if len(password) < settings.PASSWORD_MIN_LENGTH:
            raise ValidationError(minimum_length_text(), code="password_too_short")
        if len(password) > settings.PASSWORD_MAX_LENGTH:
            raise ValidationError(
                _("Password may be at most %(n)d characters long.")
                % {"n": settings.PASSWORD_MAX_LENGTH},
                code="password_too_long",
            )

    def get_help_text(self):
        return minimum_length_text()


def _folded(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


class PersonalDataValidator:
    """Refuses a password that contains the customer number, a part of the name or the utility."""

    MIN_PART = 4

    def validate(self, password, user=None):
        folded = _folded(password)
        customer = getattr(user, "customer", None) if user is not None else None
        if customer is not None:
            if customer.number and _folded(customer.number) in folded:
                raise ValidationError(
                    _("Password must not contain your customer number."), code="password_has_number"
                )
            for part in customer.name.split():
                if len(_folded(part)) >= self.MIN_PART and _folded(part) in folded:
                    raise ValidationError(
                        _("Password must not contain your name."), code="password_has_name"
                    )
        for part in settings.UTILITY_NAME.split():
            if len(_folded(part)) >= self.MIN_PART and _folded(part) in folded:
                raise ValidationError(
                    _("Password must not contain the name of the utility."),
                    code="password_has_utility_name",
                )

    def get_help_text(self):
        return _("Password must not contain your customer number, your name or the utility's name.")


def new_temporary_password() -> str:
    return get_random_string(settings.TEMPORARY_PASSWORD_LENGTH, UNAMBIGUOUS_ALPHABET)


def temporary_password_expiry():
    return timezone.now() + timedelta(days=settings.TEMPORARY_PASSWORD_DAYS)
