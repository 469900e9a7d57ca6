"""Links in notices that work without logging in: signed, so nobody can make one for another
customer, and they name no customer in the clear (no enumeration)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

UNSUBSCRIBE_SALT = "ebok.notifications.unsubscribe"


def site_url(path: str) -> str:
    """Notices are written by background workers, with no request to learn the address from."""
    return (settings.SITE_URL or "http://localhost:8000") + path


def unsubscribe_token(customer_id: int, event_key: str, channel: str) -> str:
    return signing.dumps([customer_id, event_key, channel], salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str, str] | None:
    try:
        customer_id, event_key, channel = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return int(customer_id), str(event_key), str(channel)


def unsubscribe_url(customer_id: int, event_key: str, channel: str) -> str:
    token = unsubscribe_token(customer_id, event_key, channel)
    return site_url(reverse("notifications:unsubscribe", args=[token]))
