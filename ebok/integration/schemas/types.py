"""Field types shared by the API's schemas: what the billing system may send, checked strictly.

Texts are single lines without control characters (trimmed); dates are ISO strings; money and
meter values are decimals, documented as strings ("123.45") because JSON numbers are binary
floating point (numbers are accepted too).
"""

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from ninja import Schema
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

from ebok.customers.nip import is_nip

EXTERNAL_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
FIRST_YEAR, LAST_YEAR = 1900, 2199


class Record(Schema):
    """A record as the billing system sends it: unknown fields are an error, not ignored."""

    model_config = ConfigDict(extra="forbid")


def _single_line(value: str) -> str:
    if any(unicodedata.category(char) in {"Cc", "Cs"} for char in value):
        raise ValueError("Control characters (line breaks, tabs, NUL) are not allowed.")
    return value


def Text(max_length: int, *, required: bool = True):
    """A single line of text, trimmed, of at most max_length characters (at least one if
    required)."""
    return Annotated[
        str,
        StringConstraints(
            strip_whitespace=True, min_length=1 if required else 0, max_length=max_length
        ),
        AfterValidator(_single_line),
    ]


ExternalId = Annotated[
    str,
    Field(
        pattern=EXTERNAL_ID_PATTERN,
        description="The billing system's own id: 1-64 letters, digits and . _ : - "
        "(starting with a letter or digit).",
        examples=["K-1001"],
    ),
]

CustomerNumber = Annotated[
    str,
    Field(
        pattern=r"^[0-9]{1,20}$",
        description="Digits only, leading zeros kept.",
        examples=["001234"],
    ),
]


def _iso_string(value):
    if isinstance(value, str | date):
        return value
    raise ValueError("Expected an ISO 8601 string.")


def _iso_date_string(value):
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        raise ValueError("Expected a date as YYYY-MM-DD.")
    return value


def _plausible_year(value):
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"The year must be between {FIRST_YEAR} and {LAST_YEAR}.")
    return value


IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date_string),
    AfterValidator(_plausible_year),
    Field(examples=["2025-03-15"]),
]
IsoDateTime = Annotated[
    AwareDatetime,
    BeforeValidator(_iso_string),
    AfterValidator(_plausible_year),
    Field(description="ISO 8601 with a time zone.", examples=["2025-03-15T08:00:00+01:00"]),
]


def _decimal(max_digits: int, places: int, *, minimum=None, maximum=None, example: str):
    whole = max_digits - places
    sign = "" if minimum is not None and minimum >= 0 else "-?"
    pattern = rf"^{sign}[0-9]{{1,{whole}}}(\.[0-9]{{1,{places}}})?$"
    constraints = {"max_digits": max_digits, "decimal_places": places, "allow_inf_nan": False}
    if minimum is not None:
        constraints["ge"] = minimum
    if maximum is not None:
        constraints["le"] = maximum
    return Annotated[
        Decimal,
        Field(**constraints),
        WithJsonSchema({"type": "string", "pattern": pattern, "examples": [example]}),
    ]


Money = _decimal(12, 2, example="123.45")
NonNegativeMoney = _decimal(12, 2, minimum=Decimal(0), example="123.45")
MeterValue = _decimal(12, 3, minimum=Decimal(0), example="1234.567")
MeterUse = _decimal(9, 3, minimum=Decimal(0), example="3.000")
Quantity = _decimal(12, 3, example="9.500")
UnitPrice = _decimal(12, 4, example="5.4300")
VatRate = _decimal(5, 2, minimum=Decimal(0), maximum=Decimal(100), example="8.00")


def _email(value: str) -> str:
    if value:
        try:
            validate_email(value)
        except DjangoValidationError as error:
            raise ValueError("Not a valid e-mail address.") from error
    return value


Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=254),
    AfterValidator(_email),
    Field(examples=["jan@example.pl"]),
]
BankAccount = Annotated[
    str,
    Field(
        pattern=r"^([0-9]{26})?$",
        description="26 digits (NRB); empty: derived from the bank code and customer number.",
    ),
]


def _nip(value: str) -> str:
    if value and not is_nip(value):
        raise ValueError("Not a NIP: 10 digits, the last one the check digit of the others.")
    return value


Nip = Annotated[
    str,
    Field(
        pattern=r"^([0-9]{10})?$",
        description="A company's tax number (NIP): 10 digits without dashes, its check digit "
        "checked; empty: none.",
        examples=["5265877635"],
    ),
    AfterValidator(_nip),
]
PositiveId = Annotated[int, Field(ge=1, le=2**63 - 1)]

ReadingSource = Literal["reader", "customer", "remote", "estimate"]
MeterKind = Literal["main", "sub"]
InvoiceKind = Literal["invoice", "correction", "interest_note"]
PaymentMethod = Literal["transfer", "cash", "card", "other"]
DocumentKind = Literal["terms", "tariff", "contract", "letter", "other"]
MembershipRole = Literal["owner", "viewer"]
