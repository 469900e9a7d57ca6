"""What a customer owes, derived from invoices and payments; nothing here is stored.

Payments settle the invoices in the order they fall due (oldest first), so what is left to pay
on an invoice is what the payments did not reach.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Balance:
    invoiced: Decimal
    paid: Decimal

    @property
    def amount_due(self) -> Decimal:
        """ "Należności": what is still to pay (never negative)."""
        return max(self.invoiced - self.paid, ZERO)

    @property
    def overpayment(self) -> Decimal:
        """ "Nadpłata": what was paid beyond all invoices."""
        return max(self.paid - self.invoiced, ZERO)


def _total(queryset, field) -> Decimal:
    money = DecimalField(max_digits=14, decimal_places=2)
    return queryset.aggregate(total=Coalesce(Sum(field), Value(ZERO), output_field=money))["total"]


def balance(customer) -> Balance:
    return Balance(
        invoiced=_total(customer.invoices.all(), "gross"),
        paid=_total(customer.payments.all(), "amount"),
    )


def with_running_totals(invoices):
    """Annotate each invoice with the gross of the customer's invoices due before it and of it.

    A correlated subquery rather than a window, so that it counts every invoice of the customer
    even when the list is filtered (by year) or cut into pages.
    """
    from ebok.billing.models import Invoice

    money = DecimalField(max_digits=14, decimal_places=2)
    earlier_or_same = (
        Invoice.objects.filter(customer=OuterRef("customer"))
        .filter(
            Q(due_on__lt=OuterRef("due_on")) | Q(due_on=OuterRef("due_on"), id__lte=OuterRef("id"))
        )
        .order_by()
        .values("customer")
        .annotate(total=Sum("gross"))
        .values("total")
    )
    return invoices.annotate(due_up_to_here=Subquery(earlier_or_same, output_field=money))


@dataclass(frozen=True)
class InvoiceState:
    left_to_pay: Decimal
    status: str  # "paid", "unpaid" or "overdue"


def invoice_state(invoice, paid: Decimal, today: date | None = None) -> InvoiceState:
    """Left to pay on an invoice annotated by with_running_totals, given all payments."""
    today = today or timezone.localdate()
    due_before = invoice.due_up_to_here - invoice.gross
    covered = min(max(paid - due_before, ZERO), max(invoice.gross, ZERO))
    left = max(invoice.gross, ZERO) - covered
    if left == ZERO:
        status = "paid"
    elif invoice.due_on < today:
        status = "overdue"
    else:
        status = "unpaid"
    return InvoiceState(left_to_pay=left, status=status)
