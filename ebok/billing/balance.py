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
    invoiced: Decimal  # invoices and interest notes
    credited: Decimal  # corrective invoices that lower what is owed
    paid: Decimal

    @property
    def settled(self) -> Decimal:
        """What has been paid or credited: it settles invoices oldest first."""
        return self.paid + self.credited

    @property
    def amount_due(self) -> Decimal:
        """ "Należności": what is still to pay (never negative)."""
        return max(self.invoiced - self.settled, ZERO)

    @property
    def overpayment(self) -> Decimal:
        """ "Nadpłata": what was paid beyond all invoices."""
        return max(self.settled - self.invoiced, ZERO)


def balance(customer) -> Balance:
    return balances([customer.pk])[customer.pk]


def balances(customer_ids) -> dict[int, Balance]:
    """The balance of each customer given, in one query however many there are.

    One row per customer with a subquery for each sum, rather than a query for the invoices
    and one for the payments: every panel page shows the balance, and on a loaded database
    server each round trip costs more than the sums.
    """
    from ebok.billing.models import Invoice, Payment
    from ebok.customers.models import Customer

    money = DecimalField(max_digits=14, decimal_places=2)

    def total(queryset, field, **where):
        per_customer = (
            queryset.filter(customer=OuterRef("pk"), **where)
            .order_by()
            .values("customer")
            .annotate(total=Sum(field))
            .values("total")
        )
        return Coalesce(Subquery(per_customer, output_field=money), Value(ZERO), output_field=money)

    rows = (
        Customer.objects.filter(pk__in=customer_ids)
        .order_by()
        .values_list(
            "pk",
            total(Invoice.objects, "gross", gross__gt=0),
            total(Invoice.objects, "gross", gross__lt=0),
            total(Payment.objects, "amount"),
        )
    )
    found = {pk: (invoiced, credited, paid) for pk, invoiced, credited, paid in rows}
    result = {}
    for customer_id in customer_ids:
        invoiced, credited, paid = found.get(customer_id, (ZERO, ZERO, ZERO))
        result[customer_id] = Balance(invoiced=invoiced, credited=-credited, paid=paid)
    return result


def with_running_totals(invoices):
    """Annotate each invoice with the gross of the customer's invoices due before it and of it.

    Only invoices that charge something count; corrective invoices with negative amounts are
    credits and settle invoices like payments do (Balance.settled).

    A correlated subquery rather than a window, so that it counts every invoice of the customer
    even when the list is filtered (by year) or cut into pages.
    """
    from ebok.billing.models import Invoice

    money = DecimalField(max_digits=14, decimal_places=2)
    earlier_or_same = (
        Invoice.objects.filter(customer=OuterRef("customer"), gross__gt=0)
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


def invoice_state(invoice, settled: Decimal, today: date | None = None) -> InvoiceState:
    """Left to pay on an invoice annotated by with_running_totals, given Balance.settled."""
    today = today or timezone.localdate()
    if invoice.gross <= ZERO:
        return InvoiceState(left_to_pay=ZERO, status="paid")
    due_before = invoice.due_up_to_here - invoice.gross
    covered = min(max(settled - due_before, ZERO), invoice.gross)
    left = invoice.gross - covered
    if left == ZERO:
        status = "paid"
    elif invoice.due_on < today:
        status = "overdue"
    else:
        status = "unpaid"
    return InvoiceState(left_to_pay=left, status=status)


def next_payment(customer, settled: Decimal):
    """The oldest invoice not fully paid, annotated, or None when nothing is owed."""
    return (
        with_running_totals(customer.invoices.all())
        .filter(gross__gt=ZERO, due_up_to_here__gt=settled)
        .order_by("due_on", "id")
        .first()
    )
