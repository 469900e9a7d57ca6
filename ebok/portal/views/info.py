from django.shortcuts import render
from django.utils import timezone

from ebok.accounts.decorators import customer_required
from ebok.billing.accounts import format_nrb, payment_account
from ebok.billing.balance import balance, next_payment
from ebok.content.areas import for_customer
from ebok.portal.scope import CustomerScope
from ebok.portal.views.meters import total_use

ANNOUNCEMENTS_SHOWN = 5


def _last_read(meters):
    """The meter read last, by its last reading that counts (as the meters tab shows it): a
    reading the office rejected is not the customer's last reading. Of two read on the same
    day, the first in the meters tab's order."""
    read = [meter for meter in meters if meter.last_read_on is not None]
    return max(read, key=lambda meter: meter.last_read_on, default=None)


@customer_required
def info_view(request):
    """ "Informacje": the fields of the original portal's guide in its order, what is due and by
    when, and the announcements."""
    scope = CustomerScope(request.customer)
    current = balance(request.customer)
    last_read = _last_read(scope.meters_with_last_reading())
    context = {
        "customer": request.customer,
        "last_reading_date": last_read.last_read_on if last_read else None,
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
    meters = scope.meters_with_last_reading()
    context = {
        "balance": current,
        "next_payment": next_payment(request.customer, current),
        "latest_invoice": scope.latest_invoice(),
        "last_read_meter": _last_read(meters),
        "announcements": for_customer(request.customer)[:3],
        "use": total_use(meters, timezone.localdate()),
        "leak_warnings": scope.open_leak_warnings,
    }
    return render(request, "portal/overview.html", context)
