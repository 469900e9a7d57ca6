"""Confirming a login's mobile phone with a code sent to it by SMS; SMS notices go only to a
confirmed number (the contact-data page that edits User.phone clears phone_confirmed_at).

The code is six digits, valid PHONE_CODE_MINUTES, kept in the shared cache only as a salted
hash together with the number it went to: a number changed since gets nothing confirmed.
Sending is limited per login (PHONE_CODES_PER_HOUR) and guesses go through the one throttle
(ebok/accounts/throttle.py), per login and per client address, like passwords.
Each code sent, wrong code, refusal and confirmation is in the audit log.
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from ebok.accounts import throttle
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.core.middleware import client_address

PHONE_CODE = throttle.Scope("phone-code", "LOGIN_THROTTLE_FREE_FAILURES", cleared_by_success=True)
PHONE_CODE_MINUTES = 10
PHONE_CODES_PER_HOUR = 3


class RateExceeded(Exception):
    pass


def _key(user) -> str:
    return f"phone-code:{user.pk}"


def _digest(user, phone: str, code: str) -> str:
    message = f"{user.pk}:{phone}:{code}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def send_code(user, request) -> None:
    """Queue an SMS with a new code to the login's phone; RateExceeded past the hourly limit."""
    from ebok.notifications.tasks import send_text

    if not throttle.within_rate("phone-code", str(user.pk), PHONE_CODES_PER_HOUR, 3600):
        _audit(AuditEvent.Kind.PHONE_CODE_THROTTLED, user, request, "codes sent this hour")
        raise RateExceeded
    code = f"{secrets.randbelow(10**6):06d}"
    cache.set(_key(user), _digest(user, user.phone, code), PHONE_CODE_MINUTES * 60)
    text = _("%(utility)s: your e-BOK confirmation code is %(code)s.") % {
        "utility": settings.UTILITY_NAME,
        "code": code,
    }
    send_text.enqueue(to=user.phone, text=text)
    _audit(AuditEvent.Kind.PHONE_CODE_SENT, user, request, f"code sent to {user.phone}")


def confirm(user, code: str, request) -> bool:
    """Confirm the phone if the code is right; raises throttle.Throttled when guessing."""
    try:
        attempt = throttle.reserve(
            (PHONE_CODE, str(user.pk)), (throttle.ADDRESS, client_address(request))
        )
    except throttle.Throttled:
        _audit(AuditEvent.Kind.PHONE_CODE_THROTTLED, user, request, "too many wrong codes")
        raise
    expected = cache.get(_key(user))
    if not expected or not hmac.compare_digest(expected, _digest(user, user.phone, code.strip())):
        attempt.failed()
        _audit(AuditEvent.Kind.PHONE_CODE_FAILED, user, request, f"for {user.phone}")
        return False
    attempt.succeeded()
    cache.delete(_key(user))
    user.phone_confirmed_at = timezone.now()
    user.save(update_fields=["phone_confirmed_at"])
    _audit(AuditEvent.Kind.PHONE_CONFIRMED, user, request, f"{user.phone} confirmed")
    return True


def _audit(kind, user, request, detail: str) -> None:
    record(
        kind, request=request, customer=request.customer, detail=f"login {user.username}: {detail}"
    )
