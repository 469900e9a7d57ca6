from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone

from ebok.accounts.decorators import customer_required
from ebok.billing.accounts import format_nrb, payment_account
from ebok.billing.balance import balance, next_payment
from ebok.content.areas import for_customer
from ebok.portal.scope import CustomerScope
from ebok.portal.views.meters import total_use

ANNOUNCEMENTS_SHOWN = 5


def _last_reading_date(scope):
    return scope.readings.aggregate(last=Max("read_on"))["last"]


@customer_required
def info_view(request):
    """ "Informacje": the fields of the original portal's guide in its order, what is due and by
    when, and the announcements."""
    scope = CustomerScope(request.customer)
    current = balance(request.customer)
    context = {
        "customer": request.customer,
        "last_reading_date": _last_reading_date(scope),
        "account": format_nrb(payment_account(request.customer)),
        "balance": current,
        "next_payment": next_payment(request.customer, current),
        "announcements": for_customer(request.customer)[:ANNOUNCEMENTS_SHOWN],
    }
    return render(request, "portal/info.html", context)


@customer_required
def overview_view(request):
    """ "Strona główna": what matters now, at a glance."""
    scope = CustomerScope(request.customer)
    current = balance(request.customer)
    # By id: the model's order (by point code) joins the points, to no end here.
    meters = {meter.pk: meter for meter in scope.meters.order_by("pk")}
    last_reading = scope.readings.order_by("-read_on", "-id").first()
    if last_reading is not None:
        last_reading.meter = meters[last_reading.meter_id]  # its serial number, read above
    context = {
        "balance": current,
        "next_payment": next_payment(request.customer, current),
        "latest_invoice": scope.invoices.first(),
        "last_reading": last_reading,
        "announcements": for_customer(request.customer)[:3],
        "use": total_use(meters.values(), timezone.localdate()),
        "leak_warnings": scope.open_leak_warnings,
    }
    return render(request, "portal/overview.html", context)
