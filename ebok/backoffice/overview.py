"""The customer at a glance, for a clerk on the phone: money, meters, cases, consents, logins.

A handful of bounded queries, each limited to the latest few rows; the links lead to the full
lists in the admin, filtered to this customer. What the clerk may not view is left out.
"""

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import F, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from ebok.billing.balance import balances, invoice_state, with_running_totals

LATEST = 5


@dataclass(frozen=True)
class Money:
    amount_due: Decimal
    overdue: Decimal
    overpayment: Decimal


def money(customer, today=None) -> tuple[Money, list]:
    """The balance, what of it is past due, and the latest invoices with their state."""
    today = today or timezone.localdate()
    totals = balances([customer.pk], today)[customer.pk]
    invoices = list(
        with_running_totals(customer.invoices.all()).order_by("-issued_on", "-id")[:LATEST]
    )
    rows = [(invoice, invoice_state(invoice, totals.settled, today)) for invoice in invoices]
    # The panel's figures: the billing system's while its balance is in force.
    return Money(totals.amount_due, totals.overdue, totals.overpayment), rows


def meters(customer):
    from ebok.customers.models import Meter, Reading

    last = Reading.objects.counted().filter(meter=OuterRef("pk")).order_by("-read_on", "-id")
    found = list(
        Meter.objects.filter(service_point__customer=customer)
        .select_related("service_point")
        .annotate(
            last_read_on=Subquery(last.values("read_on")[:1]),
            last_value=Subquery(last.values("value")[:1]),
            last_source=Subquery(last.values("source")[:1]),
        )
        .order_by(F("removed_on").desc(nulls_first=True), "serial_number")
    )
    for meter in found:
        meter.last_source_label = (
            Reading.Source(meter.last_source).label if meter.last_source else ""
        )
    return found


def _list_url(name, **query) -> str:
    return f"{reverse(f'admin:{name}_changelist')}?{urlencode(query)}"


def customer_overview(request, customer) -> dict:
    """The panel's context; each part only for a clerk who may view that kind of record."""
    user = request.user
    context = {"overview_links": {}}
    links = context["overview_links"]
    if user.has_perm("billing.view_invoice") and user.has_perm("billing.view_payment"):
        context["money"], context["invoice_rows"] = money(customer)
        context["payments"] = list(customer.payments.order_by("-paid_on", "-id")[:LATEST])
        links["invoices"] = _list_url("billing_invoice", customer__id__exact=customer.pk)
        links["payments"] = _list_url("billing_payment", customer__id__exact=customer.pk)
    if user.has_perm("customers.view_meter"):
        context["meters"] = meters(customer)
        links["readings"] = _list_url("customers_reading", q=customer.number)
    if user.has_perm("customers.view_readingtoreview"):
        from ebok.customers.models import Reading

        context["readings_to_review"] = (
            Reading.objects.to_review().filter(meter__service_point__customer=customer).count()
        )
        links["readings_to_review"] = _list_url("customers_readingtoreview", customer=customer.pk)
    if user.has_perm("cases.view_case"):
        context["open_cases"] = list(
            customer.cases.exclude(status="closed").select_related("type", "assignee")
        )
        links["cases"] = _list_url("cases_case", customer__id__exact=customer.pk, open="all")
    if user.has_perm("accounts.view_consent"):
        context["consents"] = list(customer.consents.all()[:LATEST])
        links["consents"] = _list_url("accounts_consent", customer_number=customer.number)
    if user.has_perm("accounts.view_membership"):
        context["memberships"] = list(customer.memberships.select_related("user"))
    context["today"] = timezone.localdate()
    return context
