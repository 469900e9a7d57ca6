from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ebok.payments.selectors import in_progress

register = template.Library()


@register.simple_tag
def online_payments_on() -> bool:
    """Whether "Zapłać" is offered: a provider is configured (no query)."""
    return settings.PAYMENT_PROVIDER != "none"


@register.simple_tag
def payments_in_progress(customer) -> list:
    """Online payments of this number not yet booked by the billing system (one query)."""
    return list(in_progress(customer))


@register.simple_tag
def days_overdue(due_on) -> int:
    """Days since a due date that has passed (0: not yet due). A past date is never "the next"
    one: "Strona główna" says how late it is instead."""
    return max((timezone.localdate() - due_on).days, 0)


@register.simple_tag
def pay_button(amount, invoice=None):
    """ "Zapłać" for what is due: one invoice's (its number read out by screen readers) or the
    whole balance's; nothing while online payments are off or nothing is due. A tag rather than
    an include: the invoice list has one in every row."""
    if not online_payments_on() or not amount or amount <= 0:
        return ""
    if invoice:
        return format_html(
            '<a class="button button--small pay-button" href="{}">{}'
            '<span class="visually-hidden"> {}</span></a>',
            reverse("payments:pay_invoice", args=[invoice.pk]),
            _("Pay"),
            invoice.number,
        )
    url = reverse("payments:pay")
    return format_html('<a class="button pay-button" href="{}">{}</a>', url, _("Pay"))
