"""Request and response bodies of the batch endpoints, and the error format."""

from pydantic import model_validator

from ebok.integration import limits
from ebok.integration.errors import BatchTooLarge
from ebok.integration.schemas.balances import BalanceIn
from ebok.integration.schemas.records import (
    CustomerIn,
    InvoiceIn,
    MembershipIn,
    MeterIn,
    PaymentIn,
    ReadingIn,
    ReadingWindowIn,
    ServicePointIn,
)
from ebok.integration.schemas.types import Record, Schema

# In the order they are written, so that a record may refer to one earlier in the same batch.
SECTIONS = [
    "customers",
    "service_points",
    "meters",
    "readings",
    "reading_windows",
    "invoices",
    "payments",
    "balances",
    "memberships",
]


class LimitedBatch(Record):
    @model_validator(mode="before")
    @classmethod
    def _not_too_many(cls, data):
        # Counted before any record is checked; raises past pydantic, answered with 413.
        if isinstance(data, dict):
            count = sum(len(value) for value in data.values() if isinstance(value, list))
            if count > limits.max_batch():
                raise BatchTooLarge(count)
        return data


class CustomersBatch(LimitedBatch):
    customers: list[CustomerIn]


class ServicePointsBatch(LimitedBatch):
    service_points: list[ServicePointIn]


class MetersBatch(LimitedBatch):
    meters: list[MeterIn]


class ReadingsBatch(LimitedBatch):
    readings: list[ReadingIn]


class ReadingWindowsBatch(LimitedBatch):
    reading_windows: list[ReadingWindowIn]


class InvoicesBatch(LimitedBatch):
    invoices: list[InvoiceIn]


class PaymentsBatch(LimitedBatch):
    payments: list[PaymentIn]


class BalancesBatch(LimitedBatch):
    balances: list[BalanceIn]


class MembershipsBatch(LimitedBatch):
    memberships: list[MembershipIn]


class MixedBatch(LimitedBatch):
    """Any of the sections at once; written in the order of SECTIONS, all or nothing."""

    customers: list[CustomerIn] = []
    service_points: list[ServicePointIn] = []
    meters: list[MeterIn] = []
    readings: list[ReadingIn] = []
    reading_windows: list[ReadingWindowIn] = []
    invoices: list[InvoiceIn] = []
    payments: list[PaymentIn] = []
    balances: list[BalanceIn] = []
    memberships: list[MembershipIn] = []


class Counts(Schema):
    created: int = 0
    updated: int = 0
    unchanged: int = 0


class BatchResult(Counts):
    sections: dict[str, Counts] = {}


class RecordErrorOut(Schema):
    section: str | None
    index: int | None
    field: str | None
    message: str


class Rejection(Schema):
    detail: str
    errors: list[RecordErrorOut]


class Message(Schema):
    detail: str
