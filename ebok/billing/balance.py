"""What a customer owes, derived from invoices and payments; nothing here is stored.

Payments settle the invoices in the order they fall due (oldest first), so what is left to pay
on an invoice is what the payments did not reach.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection
from django.db.models import DecimalField
from django.db.models.expressions import RawSQL, SQLiteNumericMixin
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
    server each round trip costs more than the sums. Written as SQL because Django took about
    2 ms of the app's CPU to build this query from expressions, ten times what the database
    needs to answer it (docs/performance.md).
    """
    from ebok.billing.models import Invoice, Payment
    from ebok.customers.models import Customer

    customer_ids = list(customer_ids)
    found = {}
    if customer_ids:
        invoice, payment = Invoice._meta.db_table, Payment._meta.db_table
        placeholders = ", ".join(["%s"] * len(customer_ids))
        # Table names from the models; the ids are parameters.
        sql = (
            f"SELECT c.id,"  # noqa: S608
            f" (SELECT SUM(gross) FROM {invoice} WHERE customer_id = c.id AND gross > 0),"
            f" (SELECT SUM(gross) FROM {invoice} WHERE customer_id = c.id AND gross < 0),"
            f" (SELECT SUM(amount) FROM {payment} WHERE customer_id = c.id)"
            f" FROM {Customer._meta.db_table} c WHERE c.id IN ({placeholders})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, customer_ids)
            for pk, invoiced, credited, paid in cursor.fetchall():
                found[pk] = (_money(invoiced), _money(credited), _money(paid))
    result = {}
    for customer_id in customer_ids:
        invoiced, credited, paid = found.get(customer_id, (ZERO, ZERO, ZERO))
        result[customer_id] = Balance(invoiced=invoiced, credited=-credited, paid=paid)
    return result


def _money(total) -> Decimal:
    """A sum as the database gives it (PostgreSQL a Decimal, SQLite a float or an int; None
    when there was nothing to add) as a Decimal of 2 places."""
    return ZERO if total is None else Decimal(str(total)).quantize(ZERO)


class _DecimalSQL(SQLiteNumericMixin, RawSQL):
    """SQL of a decimal: SQLite compares it as a number only when cast, as Django's own sums
    are."""


def with_running_totals(invoices):
    """Annotate each invoice with the gross of the customer's invoices due before it and of it.

    Only invoices that charge something count; corrective invoices with negative amounts are
    credits and settle invoices like payments do (Balance.settled).

    A correlated subquery rather than a window, so that it counts every invoice of the customer
    even when the list is filtered (by year) or cut into pages. Written as SQL for the same
    reason as balances(): built from expressions it cost the invoice pages 1 ms more of the
    app's CPU. It names the outer invoice by its table, so `invoices` must be a queryset of
    invoices at the top of its query (as every caller has), not a subquery.
    """
    from ebok.billing.models import Invoice

    table = Invoice._meta.db_table
    # The table's name from the model; no input goes into this SQL.
    earlier_or_same = _DecimalSQL(
        f"SELECT SUM(e.gross) FROM {table} e"  # noqa: S608
        f" WHERE e.customer_id = {table}.customer_id AND e.gross > 0"
        f" AND (e.due_on < {table}.due_on OR (e.due_on = {table}.due_on AND e.id <= {table}.id))",
        [],
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )
    return invoices.annotate(due_up_to_here=earlier_or_same)


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
