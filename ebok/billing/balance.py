"""What a customer owes: the billing system's word when it pushed one that is still current,
else derived from invoices and payments.

Derived, payments settle the invoices in the order they fall due (oldest first), so what is
left to pay on an invoice is what the payments did not reach. Pushed (PushedBalance), the
billing system states the totals and what is left on each invoice as of a day; eBOK uses them
while it knows of no invoice issued and no payment made after that day (_pushed_in_force), and
the API forgets them when it brings a change they cannot account for (docs/billing.md).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection
from django.db.models import (
    Case,
    DecimalField,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from ebok.core.sql import as_date, as_decimal

ZERO = Decimal("0.00")
MONEY_FIELD = DecimalField(max_digits=14, decimal_places=2)


@dataclass(frozen=True)
class Pushed:
    """The billing system's balance (PushedBalance), while it is in force."""

    as_of: date
    amount_due: Decimal
    overdue: Decimal
    overpayment: Decimal
    interest: Decimal


@dataclass(frozen=True)
class Balance:
    invoiced: Decimal  # invoices and interest notes
    credited: Decimal  # corrective invoices that lower what is owed
    paid: Decimal
    past_due: Decimal = ZERO  # of `invoiced`, what fell due before `on`
    on: date | None = None  # the day the derivation is for
    pushed: Pushed | None = None

    @property
    def settled(self) -> Decimal:
        """What has been paid or credited: it settles invoices oldest first."""
        return self.paid + self.credited

    @property
    def amount_due(self) -> Decimal:
        """ "Należności": what is still to pay (never negative)."""
        if self.pushed:
            return self.pushed.amount_due
        return max(self.invoiced - self.settled, ZERO)

    @property
    def overpayment(self) -> Decimal:
        """ "Nadpłata": what was paid beyond all invoices."""
        if self.pushed:
            return self.pushed.overpayment
        return max(self.settled - self.invoiced, ZERO)

    @property
    def overdue(self) -> Decimal:
        """Of the amount due, what is past its due date: what the settled sum leaves of the
        invoices due before the day (they are settled first)."""
        if self.pushed:
            return self.pushed.overdue
        return max(self.past_due - self.settled, ZERO)

    @property
    def interest(self) -> Decimal:
        """Interest on late payment owed and not invoiced yet: only the billing system knows."""
        return self.pushed.interest if self.pushed else ZERO

    @property
    def as_of(self) -> date | None:
        """The day the amounts are for: the pushed balance's, or today's for a derived one."""
        return self.pushed.as_of if self.pushed else self.on


def _pushed_in_force(customer: str) -> Q:
    """The customer's pushed balance exists and eBOK knows of no invoice issued and no payment
    made after its as-of date: such a one is in eBOK's figures but not in the billing system's,
    so the derivation, which counts it, is the truer one then.

    `customer` is the path from the rows queried to their customer: "pk" for customers,
    "customer" for invoices.
    """
    from ebok.billing.models import Invoice, Payment

    as_of = "pushed_balance__as_of" if customer == "pk" else f"{customer}__pushed_balance__as_of"
    newer_invoice = Invoice.objects.filter(
        customer=OuterRef(customer), issued_on__gt=OuterRef(as_of)
    )
    newer_payment = Payment.objects.filter(customer=OuterRef(customer), paid_on__gt=OuterRef(as_of))
    return Q(**{f"{as_of}__isnull": False}) & ~Exists(newer_invoice) & ~Exists(newer_payment)


def balance(customer) -> Balance:
    return balances([customer.pk])[customer.pk]


def balances(customer_ids, today: date | None = None) -> dict[int, Balance]:
    """The balance of each customer given, in one query however many there are.

    One row per customer with a subquery for each sum, rather than a query for the invoices
    and one for the payments: every panel page shows the balance, and on a loaded database
    server each round trip costs more than the sums. The pushed balance comes in the same row.
    Written as SQL because Django took about 2 ms of the app's CPU to build this query from
    expressions, several times what the database needs to answer it (docs/performance.md).
    Its "in force" test is _pushed_in_force's, which the invoice lists use:
    test_a_pushed_balance_is_used_while_nothing_newer_is_known.py holds the two to one answer.
    """
    today = today or timezone.localdate()
    customer_ids = list(customer_ids)
    found = {row[0]: row[1:] for row in _balance_rows(customer_ids, today)} if customer_ids else {}
    result = {}
    for customer_id in customer_ids:
        if customer_id not in found:
            result[customer_id] = Balance(invoiced=ZERO, credited=ZERO, paid=ZERO, on=today)
            continue
        invoiced, credited, paid, past_due, in_force, as_of, *pushed = found[customer_id]
        result[customer_id] = Balance(
            invoiced=_money(invoiced),
            credited=-_money(credited),
            paid=_money(paid),
            past_due=_money(past_due),
            on=today,
            pushed=Pushed(as_date(as_of), *map(_money, pushed)) if in_force else None,
        )
    return result


def _balance_rows(customer_ids: list[int], today: date) -> list[tuple]:
    from ebok.billing.models import Invoice, Payment, PushedBalance
    from ebok.customers.models import Customer

    invoice, payment = Invoice._meta.db_table, Payment._meta.db_table
    pushed, customer = PushedBalance._meta.db_table, Customer._meta.db_table
    placeholders = ", ".join(["%s"] * len(customer_ids))
    # Table names from the models; the day and the ids are parameters.
    sql = (
        "SELECT c.id,"  # noqa: S608
        f" (SELECT SUM(gross) FROM {invoice} WHERE customer_id = c.id AND gross > 0),"
        f" (SELECT SUM(gross) FROM {invoice} WHERE customer_id = c.id AND gross < 0),"
        f" (SELECT SUM(amount) FROM {payment} WHERE customer_id = c.id),"
        f" (SELECT SUM(gross) FROM {invoice}"
        "   WHERE customer_id = c.id AND gross > 0 AND due_on < %s),"
        " CASE WHEN pb.as_of IS NOT NULL"
        f"  AND NOT EXISTS (SELECT 1 FROM {invoice}"
        "    WHERE customer_id = c.id AND issued_on > pb.as_of)"
        f"  AND NOT EXISTS (SELECT 1 FROM {payment}"
        "    WHERE customer_id = c.id AND paid_on > pb.as_of)"
        "  THEN 1 ELSE 0 END,"
        " pb.as_of, pb.amount_due, pb.overdue, pb.overpayment, pb.interest"
        f" FROM {customer} c LEFT JOIN {pushed} pb ON pb.customer_id = c.id"
        f" WHERE c.id IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [today, *customer_ids])
        return cursor.fetchall()


def _money(total) -> Decimal:
    """A sum to the grosz; None when there was nothing to add."""
    return ZERO if total is None else as_decimal(total, ZERO)


def with_running_totals(invoices):
    """Annotate each invoice with the gross of the customer's invoices due before it and of it,
    and with what the billing system says is left to pay on it (pushed_left_to_pay: None unless
    its customer's pushed balance is in force; zero for an invoice that balance does not list).

    Only invoices that charge something count; corrective invoices with negative amounts are
    credits and settle invoices like payments do (Balance.settled).

    A correlated subquery rather than a window, so that it counts every invoice of the customer
    even when the list is filtered (by year) or cut into pages.
    """
    from ebok.billing.models import Invoice

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
    pushed_left = Case(
        When(
            _pushed_in_force("customer"),
            then=Coalesce(F("pushed_amount_left__left_to_pay"), Value(ZERO)),
        ),
        default=None,
        output_field=MONEY_FIELD,
    )
    return invoices.annotate(
        due_up_to_here=Subquery(earlier_or_same, output_field=MONEY_FIELD),
        pushed_left_to_pay=pushed_left,
    )


@dataclass(frozen=True)
class InvoiceState:
    left_to_pay: Decimal
    status: str  # "paid", "unpaid" or "overdue"


def invoice_state(invoice, settled: Decimal, today: date | None = None) -> InvoiceState:
    """Left to pay on an invoice annotated by with_running_totals, given Balance.settled: the
    billing system's figure while its balance is in force, else derived."""
    today = today or timezone.localdate()
    if invoice.gross <= ZERO:
        return InvoiceState(left_to_pay=ZERO, status="paid")
    pushed = getattr(invoice, "pushed_left_to_pay", None)
    if pushed is not None:
        left = pushed
    else:
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


def invoice_states(customer, invoices, current: Balance, today: date | None = None):
    """invoice_state of each of these invoices of one customer, without with_running_totals'
    expressions: their running totals summed by the database over all the customer's
    invoices, or, while the billing system's balance is in force, its figures for these. On
    the customer's invoice pages building those expressions cost more of the app's CPU than
    the rest of the query (docs/performance.md)."""
    from ebok.billing.models import PushedInvoiceBalance

    invoices = list(invoices)
    if current.pushed:
        left = dict(
            PushedInvoiceBalance.objects.filter(
                invoice__in=[invoice.pk for invoice in invoices]
            ).values_list("invoice_id", "left_to_pay")
        )
        for invoice in invoices:
            invoice.pushed_left_to_pay = left.get(invoice.pk, ZERO)
    else:
        running = _running_totals(customer, [invoice.pk for invoice in invoices])
        for invoice in invoices:
            invoice.pushed_left_to_pay = None
            invoice.due_up_to_here = running.get(invoice.pk, ZERO)
    return [invoice_state(invoice, current.settled, today) for invoice in invoices]


def _running_totals(customer, invoice_ids: list[int]) -> dict[int, Decimal]:
    """Invoice id -> the gross of the customer's invoices that charge something, due before it
    and up to it, in the order they fall due (with_running_totals' due_up_to_here), for these
    of its invoices. Written as SQL, a window over the customer's invoices: fetching all their
    amounts to add them up here cost six times as much (docs/performance.md)."""
    from ebok.billing.models import Invoice

    if not invoice_ids:
        return {}
    placeholders = ", ".join(["%s"] * len(invoice_ids))
    # The table name from the model; the customer and the ids are parameters.
    sql = (
        "SELECT id, due_up_to_here FROM ("  # noqa: S608
        "  SELECT id, SUM(gross) OVER (ORDER BY due_on, id) AS due_up_to_here"
        f"  FROM {Invoice._meta.db_table} WHERE customer_id = %s AND gross > 0"
        f") running WHERE id IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [customer.pk, *invoice_ids])
        return {pk: _money(total) for pk, total in cursor.fetchall()}


@dataclass(frozen=True)
class NextPayment:
    """The oldest invoice not fully paid, as the pages name it."""

    pk: int
    number: str
    due_on: date


def next_payment(customer, current: Balance) -> NextPayment | None:
    """The oldest invoice not fully paid, or None when nothing is owed: while the billing
    system's balance is in force, the first it lists with something left to pay; else the
    first, in the order they fall due, that the settled sum does not cover (as invoice_state
    says). One query: the walk reads the number and the date with the amounts."""
    from ebok.billing.models import Invoice, PushedInvoiceBalance

    invoice, left = Invoice._meta.db_table, PushedInvoiceBalance._meta.db_table
    # Written in SQL, as the totals are: built from expressions it cost the home and
    # "Informacje" pages five times what the database needs to answer it. Table names from
    # the models; the customer is a parameter.
    if current.pushed:
        sql = (
            f"SELECT i.id, i.number, i.due_on FROM {invoice} i"  # noqa: S608
            f" JOIN {left} l ON l.invoice_id = i.id"
            " WHERE i.customer_id = %s AND i.gross > 0 AND l.left_to_pay > 0"
            " ORDER BY i.due_on, i.id LIMIT 1"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [customer.pk])
            first = cursor.fetchone()
        return None if first is None else NextPayment(first[0], first[1], as_date(first[2]))
    sql = (
        f"SELECT id, gross, number, due_on FROM {invoice}"  # noqa: S608
        " WHERE customer_id = %s AND gross > 0 ORDER BY due_on, id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [customer.pk])
        rows = cursor.fetchall()
    due_up_to_here = ZERO
    for pk, gross, number, due_on in rows:
        due_up_to_here += as_decimal(gross, ZERO)
        if due_up_to_here > current.settled:
            return NextPayment(pk, number, as_date(due_on))
    return None
