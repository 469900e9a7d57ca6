"""KSeF (Krajowy System e-Faktur): the KSeF number's check and the verification link printed as
a QR code on an invoice's copy ("KOD I"), as the Ministry of Finance's specification defines
them (github.com/CIRFMF/ksef-api: faktury/numer-ksef.md, kody-qr.md).

    KOD I: <environment's address>/invoice/<seller's NIP>/<issue date DD-MM-YYYY>/<SHA-256 of
           the invoice file, Base64URL without padding>

Under the code goes the KSeF number, or OFFLINE while the invoice has none yet.
"""

import base64
import re
from datetime import date

ADDRESSES = {
    "test": "https://qr-test.ksef.mf.gov.pl",
    "demo": "https://qr-demo.ksef.mf.gov.pl",
    "production": "https://qr.ksef.mf.gov.pl",
}
NUMBER = re.compile(r"^([0-9]{10})-([0-9]{8})-([0-9A-F]{12})-([0-9A-F]{2})$")
NIP = re.compile(r"^[0-9]{10}$")


def crc8(data: bytes) -> int:
    """CRC-8 with polynomial 0x07 and initial value 0x00, as the KSeF number's check uses."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def is_ksef_number(text: str) -> bool:
    """35 characters, the seller's NIP, a date, a technical part and the CRC-8 of the first 32."""
    match = NUMBER.match(text or "")
    return bool(match) and f"{crc8(text[:32].encode()):02X}" == match[4]


def hash_base64url(sha256: bytes | str) -> str:
    """The invoice file's SHA-256 (raw bytes or 64 hex digits) in Base64URL without padding."""
    raw = bytes.fromhex(sha256) if isinstance(sha256, str) else sha256
    if len(raw) != 32:
        raise ValueError("a SHA-256 has 32 bytes")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def invoice_link(invoice) -> str | None:
    """KOD I for an invoice the billing system sent the file's hash of; None without it (or
    without the utility's NIP, the seller's)."""
    from django.conf import settings

    nip = "".join(ch for ch in settings.UTILITY_NIP if ch.isdigit())
    if not invoice.ksef_sha256 or not NIP.match(nip):
        return None
    return verification_link(settings.KSEF_ENVIRONMENT, nip, invoice.issued_on, invoice.ksef_sha256)


def verification_link(environment: str, seller_nip: str, issued_on: date, sha256) -> str:
    """KOD I's link for an invoice."""
    if not NIP.match(seller_nip):
        raise ValueError("a NIP has 10 digits")
    day = issued_on.strftime("%d-%m-%Y")
    return f"{ADDRESSES[environment]}/invoice/{seller_nip}/{day}/{hash_base64url(sha256)}"
