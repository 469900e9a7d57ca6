"""The KSeF number's check and KOD I's link, against the examples of the Ministry of Finance's
published specification (CIRFMF/ksef-api: faktury/numer-ksef.md, kody-qr.md)."""

import base64
from datetime import date

import pytest

from ebok.billing.ksef import crc8, hash_base64url, is_ksef_number, verification_link

# kody-qr.md, "KOD I": the example invoice's hash, and the link built from it.
SPEC_HASH = "UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE"
SPEC_LINK = (
    "https://qr-test.ksef.mf.gov.pl/invoice/1111111111/01-02-2026/"
    "UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE"
)


def spec_hash_bytes() -> bytes:
    return base64.urlsafe_b64decode(SPEC_HASH + "=")


def test_the_link_is_the_specifications_example():
    link = verification_link("test", "1111111111", date(2026, 2, 1), spec_hash_bytes())
    assert link == SPEC_LINK


def test_the_hash_may_come_as_hex_and_is_base64url_without_padding():
    assert hash_base64url(spec_hash_bytes().hex()) == SPEC_HASH
    assert "=" not in hash_base64url("ff" * 32)
    assert hash_base64url("ff" * 32).startswith("__")  # URL-safe, not "/"


def test_production_has_its_own_address():
    link = verification_link("production", "1111111111", date(2026, 2, 1), spec_hash_bytes())
    assert link.startswith("https://qr.ksef.mf.gov.pl/invoice/1111111111/01-02-2026/")


@pytest.mark.parametrize("nip", ["111111111", "11111111111", "111-111-11-11", ""])
def test_a_nip_that_is_not_ten_digits_is_refused(nip):
    with pytest.raises(ValueError, match="10 digits"):
        verification_link("test", nip, date(2026, 2, 1), spec_hash_bytes())


def test_the_specifications_ksef_number_checks_out():
    # faktury/numer-ksef.md, "Przykład".
    assert is_ksef_number("5265877635-20250826-0100001AF629-AF")


@pytest.mark.parametrize(
    "number",
    [
        "5265877635-20250826-0100001AF629-AE",  # another check sum
        "5265877635-20250826-0100001AF628-AF",  # one digit changed
        "5265877635-20250826-0100001af629-AF",  # lower case
        "5265877635-2025082-0100001AF629-AF",
        "",
    ],
)
def test_a_mistyped_ksef_number_does_not(number):
    assert not is_ksef_number(number)


def test_crc8_is_the_standard_one():
    # CRC-8 (poly 0x07, init 0x00) of "123456789" is 0xF4, its catalogued check value.
    assert crc8(b"123456789") == 0xF4
