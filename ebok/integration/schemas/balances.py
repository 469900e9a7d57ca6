"""The balance the billing system states for a customer as of a day (docs/billing.md)."""

from django.utils import timezone
from pydantic import Field, ValidationInfo, field_validator

from ebok.integration.schemas.types import ExternalId, IsoDate, NonNegativeMoney, Record

MAX_INVOICES_LEFT = 1000


class InvoiceLeftIn(Record):
    invoice_external_id: ExternalId = Field(description="An invoice of the balance's customer.")
    left_to_pay: NonNegativeMoney = Field(description="What is left to pay on it; above zero.")

    @field_validator("left_to_pay")
    @classmethod
    def _above_zero(cls, value):
        if value <= 0:
            raise ValueError("Must be above zero: a settled invoice is left out.")
        return value


class BalanceIn(Record):
    customer_external_id: ExternalId
    as_of: IsoDate = Field(
        description="The day the amounts are for (the end of it); not after today. eBOK shows "
        "them while it knows of no invoice issued and no payment made after this day."
    )
    amount_due: NonNegativeMoney = Field(
        description="Należności: what is to pay on invoices, overdue included, interest not."
    )
    overdue: NonNegativeMoney = Field(
        0, description="Of amount_due, what is past its due date (at most amount_due)."
    )
    overpayment: NonNegativeMoney = Field(
        0, description="Nadpłata: paid beyond all invoices; zero when amount_due is not."
    )
    interest: NonNegativeMoney = Field(
        0, description="Interest on late payment owed and not invoiced yet."
    )
    invoices: list[InvoiceLeftIn] = Field(
        default_factory=list,
        max_length=MAX_INVOICES_LEFT,
        description="Every invoice with something left to pay, which adds up to amount_due; "
        "the customer's invoices not listed had nothing left to pay.",
    )

    @field_validator("as_of")
    @classmethod
    def _not_in_the_future(cls, value):
        if value > timezone.localdate():
            raise ValueError("Must not be after today: a balance is of a day that has come.")
        return value

    @field_validator("overdue")
    @classmethod
    def _overdue_within_due(cls, value, info: ValidationInfo):
        due = info.data.get("amount_due")
        if due is not None and value > due:
            raise ValueError("Must not be more than amount_due.")
        return value

    @field_validator("overpayment")
    @classmethod
    def _not_both(cls, value, info: ValidationInfo):
        if value > 0 and info.data.get("amount_due"):
            raise ValueError("Must be zero when amount_due is not: the two settle each other.")
        return value

    @field_validator("invoices")
    @classmethod
    def _add_up(cls, value, info: ValidationInfo):
        named = [left.invoice_external_id for left in value]
        if len(set(named)) != len(named):
            raise ValueError("An invoice is listed twice.")
        due = info.data.get("amount_due")
        total = sum((left.left_to_pay for left in value), 0)
        if due is not None and total != due:
            raise ValueError(f"What is left on the invoices ({total}) must add up to amount_due.")
        return value
