"""The events the portal tells customers about, and how each is worded.

Adding an event is one entry in EVENTS and its templates (docs/notifications.md):
templates/notifications/<key>.txt (subject on the first line, then the plain text),
<key>.html (the same, for the HTML part) and <key>_sms.txt (the SMS). `context` turns a
notice's data (ids and dates, stored as JSON) into what the templates need, at delivery time
and in the customer's language; a finder (ebok/notifications/finders.py) or a call to
notify() records the notices.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from ebok.notifications.models import Channel


@dataclass(frozen=True)
class Event:
    key: str
    label: str
    # Channels a customer may choose, each with its default (used until they choose).
    defaults: dict = field(default_factory=dict)
    # Security notices go out whatever the preferences say, and offer no unsubscribe.
    # Turns a notice's data into the templates' context (given the notice, its customer set).
    context: object = None
    always: bool = False

    @property
    def channels(self) -> list[str]:
        return list(self.defaults)


def _invoice_context(notice) -> dict:
    from ebok.billing.models import Invoice

    invoice = Invoice.objects.get(pk=notice.data["invoice"], customer=notice.customer)
    return {"invoice": invoice}


def _due_context(notice) -> dict:
    return {
        **_invoice_context(notice),
        "amount": Decimal(notice.data["amount"]),
        "due_on": parse_date(notice.data["due_on"]),
    }


def _overdue_context(notice) -> dict:
    return {"amount": Decimal(notice.data["amount"])}


def _payment_context(notice) -> dict:
    from ebok.billing.models import Payment

    return {"payment": Payment.objects.get(pk=notice.data["payment"], customer=notice.customer)}


def _announcement_context(notice) -> dict:
    from ebok.content.models import Announcement

    return {"announcement": Announcement.objects.get(pk=notice.data["announcement"])}


NEW_INVOICE = Event(
    "new_invoice",
    _("New invoice"),
    {Channel.EMAIL: True, Channel.SMS: False},
    context=_invoice_context,
)
PAYMENT_DUE = Event(
    "payment_due",
    _("Payment due soon"),
    {Channel.EMAIL: True, Channel.SMS: False},
    context=_due_context,
)
OVERDUE = Event(
    "overdue",
    _("Payment overdue"),
    {Channel.EMAIL: True, Channel.SMS: True},
    context=_overdue_context,
)
PAYMENT_RECEIVED = Event(
    "payment_received",
    _("Payment received"),
    {Channel.EMAIL: False, Channel.SMS: False},
    context=_payment_context,
)
ANNOUNCEMENT = Event(
    "announcement",
    _("Announcements for my area"),
    {Channel.EMAIL: True, Channel.SMS: False},
    context=_announcement_context,
)
EVENTS: dict[str, Event] = {
    event.key: event
    for event in [NEW_INVOICE, PAYMENT_DUE, OVERDUE, PAYMENT_RECEIVED, ANNOUNCEMENT]
}
