"""The pull of readings customers submitted."""

from datetime import date, datetime

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
