from django import template
from django.conf import settings
from django.utils import timezone

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
