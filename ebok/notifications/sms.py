"""Text messages, behind SMS_BACKEND like e-mail's: "console", "file" (under var/sms) or
"smsapi" (SMSAPI.pl through its maintained client, smsapi-client).

Texts are made ASCII-safe (Polish letters without their marks: "zaplata", not "zapłata") so
that a message of up to 160 characters is one segment and up to 306 two; GSM-7 has no Polish
letters, and one of them would turn the whole message into UCS-2, 70 characters a segment.

A notice's SMS carries its key: SMSAPI then refuses a second message with the same key within
a day (check_idx), so a delivery retried after a timeout, when the first request may have
arrived after all, is not sent twice. Its tests run against a local server speaking SMSAPI's
protocol (ebok/notifications/testing.py).
"""

import sys
import unicodedata
import uuid
from pathlib import Path

from django.conf import settings

TWO_SEGMENTS = 306
_NOT_DECOMPOSED = str.maketrans({"ł": "l", "Ł": "L"})


class SendError(Exception):
    """The gateway refused or could not be reached; the delivery is tried again later."""


# SMSAPI's error for a key it has sent a message with already (see check_idx above).
SMSAPI_ALREADY_SENT = 53


def ascii_text(text: str, limit: int = TWO_SEGMENTS) -> str:
    plain = unicodedata.normalize("NFKD", text.translate(_NOT_DECOMPOSED))
    plain = plain.encode("ascii", "ignore").decode()
    plain = " ".join(plain.split())
    if len(plain) > limit:
        plain = plain[: limit - 3].rstrip() + "..."
    return plain


def send_sms(to: str, text: str, key: str = "") -> None:
    """Send text to the number (E.164); key: what makes it one of a kind (a notice's)."""
    BACKENDS[settings.SMS_BACKEND](to, ascii_text(text), key)


def _console(to: str, text: str, key: str) -> None:
    sys.stdout.write(f"SMS to {to}: {text}\n")


def _file(to: str, text: str, key: str) -> None:
    folder = Path(settings.SMS_FILE_PATH)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{uuid.uuid4().hex}.txt").write_text(f"To: {to}\n\n{text}\n", encoding="utf-8")


def _smsapi(to: str, text: str, key: str) -> None:
    from smsapi.client import SmsApiPlClient
    from smsapi.exception import SmsApiException

    client = SmsApiPlClient(access_token=settings.SMSAPI_TOKEN)
    if settings.SMSAPI_URL:  # a test server speaking SMSAPI's protocol, or another region
        client.domain = settings.SMSAPI_URL.rstrip("/") + "/"
    once = {"idx": key, "check_idx": 1} if key else {}
    try:
        client.sms.send(
            to=to.lstrip("+"),
            message=text,
            from_=settings.SMSAPI_SENDER or None,
            encoding="utf-8",
            # The gateway refuses rather than sends a third part or a Unicode message.
            max_parts=2,
            nounicode=1,
            timeout=settings.SMSAPI_TIMEOUT,
            **once,
        )
    except SmsApiException as error:
        if key and error.code == SMSAPI_ALREADY_SENT:
            return  # an earlier attempt arrived after all
        raise SendError(f"SMSAPI error {error.code}: {error.message}") from error
    except OSError as error:  # requests' errors (timeouts, refused connections) are OSErrors
        raise SendError(str(error)) from error


BACKENDS = {"console": _console, "file": _file, "smsapi": _smsapi}
