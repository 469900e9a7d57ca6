"""What eBOK asks of a payment provider: the hooks, and what they return or raise.

    start(payment, ...)          register the transaction; where to send the customer
    parse_notification(body)     the provider's signed message about a payment; BadSignature if
                                 it is not signed by the provider
    matches(payment, notice)     the notice is about this payment, for its amount, to us
    verify(payment, notice)      ask the provider's API whether the money is really there;
                                 only then is a payment paid
    refund(payment, amount)      later: not offered in the portal yet

Network trouble (a timeout, a refused connection, an answer we do not understand) is raised as
ProviderUnavailable, so the caller can tell the customer, or the provider to send again.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol


class ProviderUnavailable(Exception):
    """The provider's API did not answer, or not as documented."""


class BadSignature(Exception):
    """A notification that is not signed with our key, or not one at all."""


@dataclass(frozen=True)
class Started:
    redirect_url: str
    token: str


@dataclass(frozen=True)
class Notice:
    """A notification whose signature was checked: what the provider says was paid."""

    session_id: str
    amount: Decimal
    currency: str
    merchant_id: str
    transaction_id: str
    method: str


class Provider(Protocol):
    name: str
    gateway_origin: str  # e.g. https://secure.przelewy24.pl

    def start(
        self,
        payment,
        *,
        description: str,
        email: str,
        language: str,
        return_url: str,
        notify_url: str,
    ) -> Started: ...

    def parse_notification(self, body: bytes) -> Notice: ...

    def matches(self, payment, notice: Notice) -> bool: ...

    def verify(self, payment, notice: Notice) -> bool: ...

    def refund(self, payment, amount: Decimal) -> None: ...


def grosze(amount: Decimal) -> int:
    """Money is Decimal everywhere else; gateways count in grosze (1,23 zł = 123)."""
    return int((amount * 100).to_integral_value())


def from_grosze(value: int) -> Decimal:
    return (Decimal(value) / 100).quantize(Decimal("0.01"))
