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
    """
    from ebok.billing.models import Invoice, Payment
    from ebok.customers.models import Customer

    today = today or timezone.localdate()

    def total(queryset, field, **where):
        per_customer = (
            queryset.filter(customer=OuterRef("pk"), **where)
            .order_by()
            .values("customer")
            .annotate(total=Sum(field))
            .values("total")
        )
        return Coalesce(
            Subquery(per_customer, output_field=MONEY_FIELD),
            Value(ZERO),
            output_field=MONEY_FIELD,
        )

    rows = (
        Customer.objects.filter(pk__in=customer_ids)
        .order_by()
        .annotate(in_force=Case(When(_pushed_in_force("pk"), then=True), default=False))
        .values_list(
            "pk",
            total(Invoice.objects, "gross", gross__gt=0),
            total(Invoice.objects, "gross", gross__lt=0),
            total(Payment.objects, "amount"),
            total(Invoice.objects, "gross", gross__gt=0, due_on__lt=today),
            "in_force",
            "pushed_balance__as_of",
            "pushed_balance__amount_due",
            "pushed_balance__overdue",
            "pushed_balance__overpayment",
            "pushed_balance__interest",
        )
    )
    found = {row[0]: row[1:] for row in rows}
    result = {}
    for customer_id in customer_ids:
        if customer_id not in found:
            result[customer_id] = Balance(invoiced=ZERO, credited=ZERO, paid=ZERO, on=today)
            continue
        invoiced, credited, paid, past_due, in_force, *pushed = found[customer_id]
        result[customer_id] = Balance(
            invoiced=_money(invoiced),
            credited=-_money(credited),
            paid=_money(paid),
            past_due=_money(past_due),
            on=today,
            pushed=Pushed(*pushed) if in_force else None,
        )
    return result


def _money(total: Decimal) -> Decimal:
    """A sum to the grosz: SQLite adds decimals as binary fractions (0.1 + 0.2 comes back as
    0.30000000000000004), PostgreSQL exactly."""
    return total.quantize(ZERO)


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


def next_payment(customer, settled: Decimal):
    """The oldest invoice not fully paid, annotated, or None when nothing is owed."""
    return (
        with_running_totals(customer.invoices.all())
        .filter(gross__gt=ZERO)
        .filter(
            Q(pushed_left_to_pay__gt=ZERO)
            | Q(pushed_left_to_pay__isnull=True, due_up_to_here__gt=settled)
        )
        .order_by("due_on", "id")
        .first()
    )
