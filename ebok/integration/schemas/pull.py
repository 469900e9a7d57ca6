"""The pull of readings customers submitted."""

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from ebok.integration.schemas.batches import LimitedBatch
from ebok.integration.schemas.types import MeterValue, PositiveId, Schema


class SubmittedReading(Schema):
    id: int = Field(description="eBOK's id of the reading; also the cursor.")
    meter_external_id: str | None
    meter_serial_number: str
    service_point_external_id: str | None
    customer_external_id: str | None
    customer_number: str
    read_on: date
    value: MeterValue
    submitted_at: datetime
    needs_review: bool = Field(
        description="Far above the customer's usual use and confirmed by them: flagged for the "
        "customer office's review. Such a reading is handed out only once the office accepted "
        "it; one the office rejected is never handed out."
    )
    review: Literal["not_needed", "accepted"] = Field(
        description="The customer office's decision: `not_needed` for a reading that was not "
        "flagged, `accepted` for a flagged one the office accepted."
    )
    reviewed_at: datetime | None = Field(description="When the office accepted it, or null.")
    photo_url: str | None = Field(
        description="Where the customer's photo of the meter is (GET, same token), or null."
    )


class SubmittedReadings(Schema):
    readings: list[SubmittedReading]
    next_cursor: int = Field(
        description="Pass as `after` for the next page: the last id returned (or `after` "
        "when none was)."
    )
    has_more: bool


class Acknowledgement(LimitedBatch):
    ids: list[PositiveId] = Field(description="Ids of readings the billing system has stored.")


class Acknowledged(Schema):
    acknowledged: int = Field(description="Newly acknowledged.")
    already_acknowledged: int
    unknown: list[int] = Field(description="Ids that are no reading submitted by a customer.")


class AccountChangeOut(Schema):
    id: int = Field(description="eBOK's id of the change; also the cursor.")
    customer_number: str
    customer_external_id: str | None
    kind: Literal["email", "phone", "correspondence_address", "e_invoice"]
    value: dict[str, str | bool] = Field(
        description="The new value, by kind: email {email}; phone {phone} (E.164, empty when "
        "removed); correspondence_address {postal_code, city, street} (empty when removed: "
        "letters go to the customer's address); e_invoice {given, version, at}."
    )
    changed_at: datetime


class AccountChanges(Schema):
    changes: list[AccountChangeOut]
    next_cursor: int = Field(
        description="Pass as `after` for the next page: the last id returned (or `after` "
        "when none was)."
    )
    has_more: bool


class ChangeAcknowledgement(LimitedBatch):
    ids: list[PositiveId] = Field(description="Ids of changes the billing system has stored.")


class ChangesAcknowledged(Schema):
    acknowledged: int = Field(description="Newly acknowledged.")
    already_acknowledged: int
    unknown: list[int] = Field(description="Ids that are no change eBOK recorded.")
