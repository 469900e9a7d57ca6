"""Przelewy24, REST API v1 (https://developers.przelewy24.pl/): BLIK, pay-by-link, cards.

    register  POST /api/v1/transaction/register   -> token; the customer goes to /trnRequest/<token>
    notify    P24 POSTs JSON to our urlStatus, signed
    verify    PUT  /api/v1/transaction/verify     -> {"data": {"status": "success"}}

Every `sign` is the SHA-384 (hex) of a JSON object of the documented fields, in the documented
order, with the CRC key as its last field, encoded without escaping slashes or non-ASCII
letters (PHP's JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES). The API itself is reached with
HTTP Basic authentication: the POS id and the API (report) key.
"""

import base64
import hashlib
import hmac
import json
import logging
import urllib.error
import urllib.request
from decimal import Decimal

from django.conf import settings

from ebok.payments.providers.base import (
    BadSignature,
    Notice,
    ProviderUnavailable,
    Started,
    from_grosze,
    grosze,
)

logger = logging.getLogger(__name__)

PRODUCTION_URL = "https://secure.przelewy24.pl"
SANDBOX_URL = "https://sandbox.przelewy24.pl"

REGISTER_SIGN = ("sessionId", "merchantId", "amount", "currency", "crc")
NOTIFICATION_SIGN = (
    "merchantId", "posId", "sessionId", "amount", "originAmount", "currency", "orderId",
    "methodId", "statement", "crc",
)  # fmt: skip
VERIFY_SIGN = ("sessionId", "orderId", "amount", "currency", "crc")


def sign(values: dict, fields: tuple[str, ...], crc: str) -> str:
    """The documented checksum of `fields` (taken from `values`, crc added) in their order."""
    signed = {name: (crc if name == "crc" else values[name]) for name in fields}
    text = json.dumps(signed, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha384(text.encode()).hexdigest()


class Przelewy24:
    name = "przelewy24"
    currency = "PLN"

    def __init__(self, *, merchant_id, pos_id, crc, api_key, base_url, timeout):
        self.merchant_id = merchant_id
        self.pos_id = pos_id
        self.crc = crc
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        # Where the customer is sent (scheme and host): the pay pages' CSP names it.
        self.gateway_origin = self.base_url

    @classmethod
    def from_settings(cls):
        base_url = settings.P24_API_URL or (SANDBOX_URL if settings.P24_SANDBOX else PRODUCTION_URL)
        return cls(
            merchant_id=settings.P24_MERCHANT_ID,
            pos_id=settings.P24_POS_ID or settings.P24_MERCHANT_ID,
            crc=settings.P24_CRC,
            api_key=settings.P24_API_KEY,
            base_url=base_url,
            timeout=settings.PAYMENT_PROVIDER_TIMEOUT_SECONDS,
        )

    # The hooks (providers/base.py)

    def start(self, payment, *, description, email, language, return_url, notify_url):
        body = {
            "merchantId": self.merchant_id,
            "posId": self.pos_id,
            "sessionId": str(payment.session_id),
            "amount": grosze(payment.amount),
            "currency": self.currency,
            "description": description,
            "email": email,
            "country": "PL",
            "language": language if language in ("pl", "en") else "pl",
            "urlReturn": return_url,
            "urlStatus": notify_url,
            "timeLimit": 15,
            "encoding": "UTF-8",
        }
        body["sign"] = sign(body, REGISTER_SIGN, self.crc)
        answer = self._call("POST", "/api/v1/transaction/register", body)
        token = (answer.get("data") or {}).get("token")
        if not isinstance(token, str) or not token.isalnum():
            raise ProviderUnavailable(f"register answered without a token: {answer!r}")
        return Started(redirect_url=f"{self.base_url}/trnRequest/{token}", token=token)

    def parse_notification(self, body: bytes) -> Notice:
        try:
            values = json.loads(body)
            given = values["sign"]
            expected = sign(values, NOTIFICATION_SIGN, self.crc)
        except (ValueError, KeyError, TypeError) as error:
            raise BadSignature(f"not a notification: {error}") from error
        if not isinstance(given, str) or not hmac.compare_digest(given, expected):
            raise BadSignature("the sign does not match")
        try:
            return Notice(
                session_id=str(values["sessionId"]),
                amount=from_grosze(int(values["amount"])),
                currency=str(values["currency"]),
                merchant_id=str(values["merchantId"]),
                transaction_id=str(int(values["orderId"])),
                method=str(values["methodId"]),
            )
        except (ValueError, TypeError) as error:
            raise BadSignature(f"signed, but not as documented: {error}") from error

    def matches(self, payment, notice: Notice) -> bool:
        return (
            str(payment.session_id) == notice.session_id
            and notice.merchant_id == str(self.merchant_id)
            and notice.currency == self.currency
            and notice.amount == payment.amount
        )

    def verify(self, payment, notice: Notice) -> bool:
        body = {
            "merchantId": self.merchant_id,
            "posId": self.pos_id,
            "sessionId": str(payment.session_id),
            "amount": grosze(payment.amount),
            "currency": self.currency,
            "orderId": int(notice.transaction_id),
        }
        body["sign"] = sign(body, VERIFY_SIGN, self.crc)
        try:
            answer = self._call("PUT", "/api/v1/transaction/verify", body)
        except ProviderUnavailable as error:
            if isinstance(error.__cause__, urllib.error.HTTPError) and error.__cause__.code < 500:
                return False  # P24 refuses a verification it does not know with 400
            raise
        return (answer.get("data") or {}).get("status") == "success"

    def refund(self, payment, amount: Decimal) -> None:
        raise NotImplementedError("refunds are made in the provider's panel for now")

    # The API

    def _call(self, method: str, path: str, body: dict) -> dict:
        credentials = base64.b64encode(f"{self.pos_id}:{self.api_key}".encode()).decode()
        request = urllib.request.Request(  # noqa: S310 (the URL is our setting, https or local)
            self.base_url + path,
            data=json.dumps(body, ensure_ascii=False).encode(),
            method=method,
            headers={
                "Authorization": f"Basic {credentials}",
                "Content-Type": "application/json",
                "Accept": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                return json.loads(response.read())
        except (OSError, ValueError) as error:
            # URLError, HTTPError, timeouts and refused connections are all OSErrors.
            logger.warning("Przelewy24 %s %s failed: %s", method, path, error)
            raise ProviderUnavailable(f"{method} {path}: {error}") from error
