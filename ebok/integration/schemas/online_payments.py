"""The pull of online payments the provider confirmed."""

from datetime import date, datetime

from pydantic import Field

from ebok.integration.schemas.batches import LimitedBatch
from ebok.integration.schemas.types import Money, PositiveId, Schema


class OnlinePaymentOut(Schema):
    id: int = Field(
        description="eBOK's id of the payment for one customer number; also the cursor. Send it "
        "as `online_payment_id` when pushing the payment booked for it."
    )
    provider: str = Field(description="e.g. przelewy24")
    provider_transaction_id: str = Field(description="The provider's id (P24's orderId).")
    session_id: str = Field(description="eBOK's id of the transaction at the provider.")
    customer_external_id: str | None
    customer_number: str
    amount: Money = Field(description="For this customer number (one transaction may pay several).")
    transaction_amount: Money = Field(description="The whole transaction at the provider.")
    invoice_external_id: str | None = Field(description="The invoice meant, if one was.")
    invoice_number: str | None
    paid_at: datetime
    paid_on: date = Field(description="paid_at's date in Warsaw.")
    method: str = Field(description="The provider's payment method id.")


class OnlinePayments(Schema):
    payments: list[OnlinePaymentOut]
    next_cursor: int = Field(
        description="Pass as `after` for the next page: the last id returned (or `after` "
        "when none was)."
    )
    has_more: bool


class OnlinePaymentsAcknowledgement(LimitedBatch):
    ids: list[PositiveId] = Field(description="Ids of online payments the billing system stored.")


class OnlinePaymentsAcknowledged(Schema):
    acknowledged: int = Field(description="Newly acknowledged.")
    already_acknowledged: int
    unknown: list[int] = Field(description="Ids that are no paid online payment.")
