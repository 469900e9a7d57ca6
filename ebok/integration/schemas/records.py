"""One record of each kind the billing system pushes, keyed by its own external_id.

A record is the full state of the row: a field left out takes its default, except where said
(a customer's e-mail, phone and account are kept when left out or null, because the customer
may have set the e-mail at registration).
"""

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from ebok.billing.ksef import is_ksef_number
from ebok.integration.schemas.types import (
    BankAccount,
    CustomerNumber,
    Email,
    ExternalId,
    InvoiceKind,
    IsoDate,
    MembershipRole,
    MeterKind,
    MeterUse,
    MeterValue,
    Money,
    Nip,
    PaymentMethod,
    PositiveId,
    Quantity,
    ReadingSource,
    Record,
    Text,
    UnitPrice,
    VatRate,
)

MAX_CHARGES = 1000


def _not_before(earlier_field: str):
    """A validator for a date field that must not be before another one defined above it."""

    def check(cls, value, info: ValidationInfo):
        earlier = info.data.get(earlier_field)
        if value is not None and earlier is not None and value < earlier:
            raise ValueError(f"Must not be before {earlier_field}.")
        return value

    return check


class CustomerIn(Record):
    external_id: ExternalId
    number: CustomerNumber
    name: Text(200)
    postal_code: Text(10)
    city: Text(100)
    street: Text(200)
    email: Email | None = Field(None, description="Left out or null: eBOK's value is kept.")
    phone: Text(30, required=False) | None = Field(
        None, description="Left out or null: eBOK's value is kept."
    )
    bank_account: BankAccount | None = Field(
        None, description="Left out or null: eBOK's value is kept."
    )
    nip: Nip = ""


class ServicePointIn(Record):
    external_id: ExternalId
    customer_external_id: ExternalId
    code: Text(40)
    postal_code: Text(10)
    city: Text(100)
    street: Text(200)
    water: bool = True
    sewage: bool = True
    norm_monthly_use: MeterUse | None = Field(
        None,
        description="The tariff group's norm in m³ a month: the expected use of a meter "
        "without 12 months of history, for checking self-readings.",
    )


class MeterIn(Record):
    external_id: ExternalId
    service_point_external_id: ExternalId
    serial_number: Text(40)
    kind: MeterKind = "main"
    description: Text(100, required=False) = ""
    installed_on: IsoDate
    removed_on: IsoDate | None = None
    register_digits: int | None = Field(
        None,
        ge=1,
        le=9,
        description="Digits before the comma (e.g. 5: the meter shows at most 99999.999 and "
        "then starts again from 0). Self-readings beyond it are refused; null: not checked.",
    )
    legalised_until: IsoDate | None = Field(
        None, description="The end of the meter's legalisation (legalizacja)."
    )

    _removed_after_installed = field_validator("removed_on")(_not_before("installed_on"))


class ReadingIn(Record):
    external_id: ExternalId
    meter_external_id: ExternalId
    read_on: IsoDate
    value: MeterValue
    source: ReadingSource
    submitted_id: PositiveId | None = Field(
        None,
        description="The id of a reading taken from GET /submitted-readings that this record "
        "is: eBOK then keeps one row for it (the submitted one gets this external_id).",
    )


class ReadingWindowIn(Record):
    external_id: ExternalId
    service_point_external_id: ExternalId
    opens_on: IsoDate = Field(description="The first day self-readings are accepted.")
    closes_on: IsoDate = Field(description="The last day self-readings are accepted.")

    _closes_after_opening = field_validator("closes_on")(_not_before("opens_on"))


class ChargeIn(Record):
    service_point_external_id: ExternalId | None = None
    description: Text(200)
    period_start: IsoDate | None = None
    period_end: IsoDate | None = None
    quantity: Quantity
    unit: Text(20)
    unit_net_price: UnitPrice
    vat_rate: VatRate
    net: Money
    vat: Money
    gross: Money

    _period_in_order = field_validator("period_end")(_not_before("period_start"))


class InvoiceIn(Record):
    external_id: ExternalId
    customer_external_id: ExternalId
    kind: InvoiceKind = "invoice"
    number: Text(40)
    issued_on: IsoDate
    period_start: IsoDate | None = None
    period_end: IsoDate | None = None
    due_on: IsoDate
    net: Money
    vat: Money
    gross: Money
    ksef_number: str = Field(
        "",
        description="The KSeF number (35 characters, its CRC-8 checked), once KSeF gave one.",
        examples=["5265877635-20250826-0100001AF629-AF"],
    )
    ksef_mode: Literal["", "online", "offline"] = Field("", description="How it was issued.")
    ksef_sha256: str = Field(
        "",
        pattern=r"^([0-9a-f]{64})?$",
        description="SHA-256 of the invoice file sent to KSeF, 64 lower-case hex digits: the "
        "verification QR code on the copy is built from it (docs/billing.md).",
    )
    charges: list[ChargeIn] = Field(
        default_factory=list,
        max_length=MAX_CHARGES,
        description="The invoice's lines (naliczenia); they replace those eBOK has.",
    )

    _period_in_order = field_validator("period_end")(_not_before("period_start"))

    @field_validator("ksef_number")
    @classmethod
    def _ksef_number(cls, value: str) -> str:
        if value and not is_ksef_number(value):
            raise ValueError("Not a KSeF number: 10 digits, date, 12 hex digits, CRC-8.")
        return value


class PaymentIn(Record):
    external_id: ExternalId
    customer_external_id: ExternalId
    paid_on: IsoDate
    amount: Money
    title: Text(200, required=False) = ""
    method: PaymentMethod = "transfer"
    online_payment_id: PositiveId | None = Field(
        None,
        description="The id of an online payment taken from GET /online-payments that this "
        "payment books: the customer then sees one payment, no longer one in progress.",
    )


class MembershipIn(Record):
    external_id: ExternalId
    customer_external_id: ExternalId = Field(description="The customer whose number is reached.")
    member_customer_external_id: ExternalId = Field(
        description="The customer whose own login gets the access (a property manager is a "
        "customer too); eBOK makes that login, without a password, if there is none yet."
    )
    role: MembershipRole = Field(
        description="owner: everything, also who else has access; viewer: sees, submits "
        "readings and pays, changes nothing of the number's data or access."
    )
