"""The events the portal tells customers about, and how each is worded.

Adding an event is one entry in EVENTS and its templates (docs/notifications.md):
templates/notifications/<key>.txt (subject on the first line, then the plain text),
<key>.html (the same, for the HTML part) and <key>_sms.txt (the SMS). `context` turns a
notice's data (ids and dates, stored as JSON) into what the templates need, at delivery time
and in the customer's language; a finder (ebok/notifications/finders.py) or a call to
notices.record() records the notices.

Security notices (password changed, a passkey added, the e-mail address changed, ...) are events
too, with always=True: the account code records each with notices.notify() where the change
happens, they go out whatever the preferences, by e-mail only, without an unsubscribe link, and
the preferences page does not offer them. Their data keep what the text needs, never a secret
(a link's token or a password is not a notice: those e-mails are sent as they are).
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
    # Turns a notice's data into the templates' context (given the notice, its customer set).
    context: object = None
    # Security notices go out whatever the preferences say, and offer no unsubscribe.
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


def _meters_url() -> str:
    from django.urls import reverse

    from ebok.notifications.links import site_url

    return site_url(reverse("portal:meters"))


def _window_context(notice) -> dict:
    from ebok.customers.models import ReadingWindow

    window = ReadingWindow.objects.select_related("service_point").get(
        pk=notice.data["window"], service_point__customer=notice.customer
    )
    return {"window": window, "point": window.service_point, "meters_url": _meters_url()}


def _leak_context(notice) -> dict:
    from ebok.customers.models import LeakWarning

    warning = LeakWarning.objects.select_related("service_point").get(
        pk=notice.data["warning"], service_point__customer=notice.customer
    )
    return {"warning": warning, "point": warning.service_point, "meters_url": _meters_url()}


def _rejected_context(notice) -> dict:
    from django.urls import reverse

    from ebok.customers.models import Reading
    from ebok.notifications.links import site_url

    reading = Reading.objects.select_related("meter__service_point").get(
        pk=notice.data["reading"], meter__service_point__customer=notice.customer
    )
    # The reason as it was when the notice was recorded: what the clerk wrote then.
    return {
        "reading": reading,
        "reason": notice.data["reason"],
        "meter_url": site_url(reverse("portal:meter", args=[reading.meter_id])),
    }


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
READING_WINDOW = Event(
    "reading_window",
    _("Reading window opens"),
    {Channel.EMAIL: True, Channel.SMS: False},
    context=_window_context,
)
# A leak costs the customer money every day it runs: the SMS is on too (for a confirmed number).
LEAK = Event(
    "leak",
    _("Possible leak"),
    {Channel.EMAIL: True, Channel.SMS: True},
    context=_leak_context,
)
READING_REJECTED = Event(
    "reading_rejected",
    _("Reading not accepted"),
    {Channel.EMAIL: True, Channel.SMS: False},
    context=_rejected_context,
)
EVENTS: dict[str, Event] = {
    event.key: event
    for event in [
        NEW_INVOICE,
        PAYMENT_DUE,
        OVERDUE,
        PAYMENT_RECEIVED,
        ANNOUNCEMENT,
        READING_WINDOW,
        LEAK,
        READING_REJECTED,
    ]
}


def _security_context(notice) -> dict:
    context = dict(notice.data)
    if "login" in context:
        context["user"] = {"username": context["login"]}
    if "role" in context:  # stored as the value, told in the customer's language
        from ebok.accounts.models import Membership

        context["role"] = Membership.Role(context["role"]).label
    return context


def _security(key: str, label) -> Event:
    return Event(key, label, {Channel.EMAIL: True}, context=_security_context, always=True)


PASSWORD_CHANGED = _security("password_changed", _("Password changed"))
PASSKEYS_CHANGED = _security("passkeys_changed", _("Passkey added or removed"))
EMAIL_CHANGED = _security("email_changed", _("E-mail address changed"))
CONTACT_CHANGED = _security("contact_changed", _("Contact data changed"))
OTHER_SESSIONS_ENDED = _security("other_sessions_ended", _("Other sessions ended"))
MEMBERSHIP_CHANGED = _security("membership_changed", _("Access to the customer number changed"))
CONSENT_CHANGED = _security("consent_changed", _("E-invoice consent changed"))
REGISTRATION_ACCOUNT_EXISTS = _security(
    "registration_account_exists", _("Registration attempt for an existing account")
)
# Kept apart from the events above, which the customer chooses on the preferences page.
SECURITY_NOTICES = [
    PASSWORD_CHANGED,
    PASSKEYS_CHANGED,
    EMAIL_CHANGED,
    CONTACT_CHANGED,
    OTHER_SESSIONS_ENDED,
    MEMBERSHIP_CHANGED,
    CONSENT_CHANGED,
    REGISTRATION_ACCOUNT_EXISTS,
]
EVENTS.update({event.key: event for event in SECURITY_NOTICES})


def choosable() -> list[Event]:
    """The events a customer may switch on and off: all but the security notices."""
    return [event for event in EVENTS.values() if not event.always]
