"""The customer's private calendar feed (RFC 5545, written by the icalendar library): the due
dates of the invoices with something left to pay, and the reading windows not yet closed."""

from datetime import timedelta

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from ebok.billing.balance import ZERO, balance, invoice_state, with_running_totals
from ebok.billing.formatting import money


def feed(recipient) -> bytes:
    customer = recipient.customer
    with translation.override(recipient.language):
        cal = Calendar()
        cal.add("prodid", "-//eBOK//notifications//PL")
        cal.add("version", "2.0")
        cal.add("x-wr-calname", f"e-BOK {settings.UTILITY_NAME}")
        settled = balance(customer).settled
        today = timezone.localdate()
        for invoice in with_running_totals(customer.invoices.filter(gross__gt=ZERO)).order_by(
            "due_on", "pk"
        ):
            state = invoice_state(invoice, settled, today)
            if state.left_to_pay <= ZERO:
                continue
            event = Event()
            event.add("uid", f"invoice-{invoice.pk}@ebok")
            event.add("dtstamp", timezone.now())
            event.add("dtstart", invoice.due_on)
            event.add("dtend", invoice.due_on + timedelta(days=1))
            event.add(
                "summary",
                _("Payment due: %(amount)s, invoice %(number)s")
                % {"amount": money(state.left_to_pay), "number": invoice.number},
            )
            cal.add_component(event)
        for window in _open_windows(customer, today):
            cal.add_component(_window_event(window))
    return cal.to_ical()


def _open_windows(customer, today):
    from ebok.customers.models import ReadingWindow

    return (
        ReadingWindow.objects.filter(service_point__customer=customer, closes_on__gte=today)
        .select_related("service_point")
        .order_by("opens_on", "pk")
    )


def _window_event(window) -> Event:
    """All the window's days, as one all-day event (DTEND is the day after the last)."""
    event = Event()
    event.add("uid", f"reading-window-{window.pk}@ebok")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", window.opens_on)
    event.add("dtend", window.closes_on + timedelta(days=1))
    event.add(
        "summary",
        _("Meter reading: %(address)s") % {"address": window.service_point.street},
    )
    event.add(
        "description",
        _("Self-readings are accepted in e-BOK from %(opens)s to %(closes)s.")
        % {
            "opens": formats.date_format(window.opens_on),
            "closes": formats.date_format(window.closes_on),
        },
    )
    return event
