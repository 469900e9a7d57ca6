"""The checksums Przelewy24 documents: SHA-384 over a JSON object of the named fields, in their
order, the CRC key last, without escaped slashes or letters (PHP's JSON_UNESCAPED_UNICODE |
JSON_UNESCAPED_SLASHES)."""

import hashlib
from decimal import Decimal

from ebok.payments.providers.base import from_grosze, grosze
from ebok.payments.providers.przelewy24 import (
    NOTIFICATION_SIGN,
    REGISTER_SIGN,
    VERIFY_SIGN,
    sign,
)


def sha384(text: str) -> str:
    return hashlib.sha384(text.encode()).hexdigest()


def test_register_sign_is_the_hash_of_the_documented_json():
    values = {"merchantId": 11, "sessionId": "abc-1", "amount": 12345, "currency": "PLN", "x": 1}
    expected = sha384(
        '{"sessionId":"abc-1","merchantId":11,"amount":12345,"currency":"PLN","crc":"k3y"}'
    )
    assert sign(values, REGISTER_SIGN, "k3y") == expected


def test_verify_sign_names_the_order():
    values = {"sessionId": "s", "orderId": 300000001, "amount": 100, "currency": "PLN"}
    expected = sha384(
        '{"sessionId":"s","orderId":300000001,"amount":100,"currency":"PLN","crc":"c"}'
    )
    assert sign(values, VERIFY_SIGN, "c") == expected


def test_notification_sign_keeps_polish_letters_and_slashes_unescaped():
    values = {
        "merchantId": 1,
        "posId": 1,
        "sessionId": "s",
        "amount": 100,
        "originAmount": 100,
        "currency": "PLN",
        "orderId": 2,
        "methodId": 181,
        "statement": "Opłata/żółć",
    }
    expected = sha384(
        '{"merchantId":1,"posId":1,"sessionId":"s","amount":100,"originAmount":100,'
        '"currency":"PLN","orderId":2,"methodId":181,"statement":"Opłata/żółć","crc":"c"}'
    )
    assert sign(values, NOTIFICATION_SIGN, "c") == expected


def test_amounts_cross_the_gateway_in_whole_grosze():
    assert grosze(Decimal("1234.56")) == 123456
    assert grosze(Decimal("1.00")) == 100
    assert from_grosze(123456) == Decimal("1234.56")
