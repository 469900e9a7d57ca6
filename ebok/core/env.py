"""Reading settings from the environment, strictly: a value that is not understood stops the
start-up with a message naming the variable and what it accepts, rather than being taken as
"off" or as the default (SECURE_SSL_REDIRECT=ture must not turn HTTPS off).

Used by ebok/settings.py only, so kept free of Django's settings. An empty value means the
default, as a missing one does: `FOO=` in a unit file or `.env` is the usual way to unset.
"""

import datetime
import ipaddress
import os
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def _given(name: str) -> str | None:
    """The variable's value, stripped; None when it is missing or empty."""
    value = os.environ.get(name, "").strip()
    return value or None


def env_bool(name: str, default: bool) -> bool:
    value = _given(name)
    if value is None:
        return default
    if value.lower() in TRUE:
        return True
    if value.lower() in FALSE:
        return False
    accepted = ", ".join(f"{yes}/{no}" for yes, no in zip(TRUE, FALSE, strict=True))
    raise ImproperlyConfigured(f"{name} must be one of {accepted} (or empty), not {value!r}.")


def env_int(name: str, default: int, minimum: int = 0) -> int:
    """A whole number of at least `minimum` (0 unless said otherwise: no setting is negative)."""
    value = _given(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or number < minimum:
        raise ImproperlyConfigured(
            f"{name} must be a whole number of at least {minimum} (or empty), not {value!r}."
        )
    return number


def env_choice(name: str, choices: Iterable[str], default: str) -> str:
    """One of `choices`, compared without regard to case and returned as spelled there."""
    choices = list(choices)
    value = _given(name)
    if value is None:
        return default
    for choice in choices:
        if value.lower() == choice.lower():
            return choice
    raise ImproperlyConfigured(
        f"{name} must be one of {', '.join(choices)} (or empty), not {value!r}."
    )


def env_url(name: str) -> str:
    """An http(s) address of a server, such as https://api.smsapi.com/; empty means none.

    Anything else ("api.smsapi.com", "ftp://...", a query) is refused: a third party's address
    taken wrongly would send its requests, and the token with them, somewhere else.
    """
    value = _given(name)
    if value is None:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            f"{name} must be an address such as https://api.example.pl/ (or empty), not {value!r}."
        )
    return value


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_networks(name: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """Comma-separated IP networks in CIDR notation ("10.0.0.0/8", "2001:db8::/32", or one
    address); empty means none.

    Host bits must be zero ("192.168.1.7/24" is refused): such a value is usually a typo for a
    narrower or a wider network than meant, and guessing which is not ours to do.
    """
    networks = []
    for item in env_list(name, ""):
        try:
            networks.append(ipaddress.ip_network(item))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"{name} must be networks such as 10.0.0.0/8,192.168.1.0/24 (or empty); "
                f"{item!r} is not one ({error})."
            ) from error
    return networks


def env_date(name: str) -> datetime.date | None:
    """A calendar date written as YYYY-MM-DD; empty means none."""
    value = _given(name)
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a date written as YYYY-MM-DD (or empty), not {value!r}."
        ) from None
