"""The customer's private calendar feed (RFC 5545, written by the icalendar library): the due
dates of the invoices with something left to pay. Reading windows join it later."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone, translation
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
    return cal.to_ical()
