"""The account statement ("Zestawienie rozliczeń"): what was charged and paid in a period, with
the balance before it, after each entry and at its end.

The balance here is what the customer owes: positive is an amount due, negative an overpayment.
It is the same sum as ebok/billing/balance.py's (invoices and interest notes, less corrective
invoices that credit, less payments), only cut at dates: an invoice counts from its issue date, a
payment from the day it was paid. So a statement that runs to today ends at the balance the tabs
show (the amount due less the overpayment).

Four queries whatever the period or the history: the invoices and the payments before the period
(two sums), then its invoices and its payments. The entries of a period are all listed, not
paged: a statement is read (and printed) whole, and the period is at most MAX_YEARS long.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from ebok.billing.balance import ZERO

MAX_YEARS = 10  # the longest period a statement covers: the history a city utility keeps

PAYMENT = pgettext_lazy("account statement", "payment")


@dataclass(frozen=True)
class Entry:
    day: date
    kind: str  # the invoice's kind as the model names it, or PAYMENT
    document: str  # the invoice's number, or the payment's title
    charge: Decimal | None  # what raises the balance (an invoice, an interest note)
    credit: Decimal | None  # what lowers it (a payment, a crediting corrective invoice)
    balance: Decimal  # after this entry


@dataclass(frozen=True)
class Statement:
    start: date
    end: date
    opening: Decimal
    entries: list[Entry]

    @property
    def charges(self) -> Decimal:
        return sum((entry.charge for entry in self.entries if entry.charge), ZERO)

    @property
    def credits(self) -> Decimal:
        return sum((entry.credit for entry in self.entries if entry.credit), ZERO)

    @property
    def closing(self) -> Decimal:
        return self.opening + self.charges - self.credits


def _total(queryset, field: str) -> Decimal:
    money = DecimalField(max_digits=14, decimal_places=2)
    total = Coalesce(Sum(field), Value(ZERO), output_field=money)
    return queryset.order_by().aggregate(total=total)["total"]


def statement(scope, start: date, end: date) -> Statement:
    """The statement of the customer of `scope` (ebok/portal/scope.py) from start to end,
    both days included."""
    opening = _total(scope.invoices.filter(issued_on__lt=start), "gross") - _total(
        scope.payments.filter(paid_on__lt=start), "amount"
    )
    within = Q(issued_on__gte=start, issued_on__lte=end)
    rows = []
    for invoice in scope.invoices.filter(within).order_by("issued_on", "id"):
        raises = invoice.gross >= ZERO
        # Invoices before payments on the same day: what was charged, then what paid it.
        rows.append(
            (
                (invoice.issued_on, 0, invoice.pk),
                invoice.get_kind_display(),
                invoice.number,
                invoice.gross if raises else None,
                None if raises else -invoice.gross,
            )
        )
    payments = scope.payments.filter(paid_on__gte=start, paid_on__lte=end)
    for payment in payments.order_by("paid_on", "id"):
        title = payment.title or payment.get_method_display()
        rows.append(((payment.paid_on, 1, payment.pk), str(PAYMENT), title, None, payment.amount))
    entries = []
    running = opening
    for (day, _order, _pk), kind, document, charge, credit in sorted(rows, key=lambda r: r[0]):
        running += (charge or ZERO) - (credit or ZERO)
        entries.append(Entry(day, kind, document, charge, credit, running))
    return Statement(start=start, end=end, opening=opening, entries=entries)


def headings() -> list[str]:
    """The entries' columns, as the page, the PDF and the CSV name them."""
    return [_("Date"), _("Kind"), _("Document"), _("Charge"), _("Credit"), _("Balance")]


def summary(result: Statement) -> list[tuple[str, Decimal]]:
    """The four figures of a statement with their names, as every form of it shows them."""
    start, end = result.start.isoformat(), result.end.isoformat()
    return [
        (_("Opening balance on %(date)s") % {"date": start}, result.opening),
        (_("Charges in the period"), result.charges),
        (_("Payments and credits in the period"), result.credits),
        (_("Closing balance on %(date)s") % {"date": end}, result.closing),
    ]
