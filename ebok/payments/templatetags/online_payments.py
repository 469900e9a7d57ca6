from django import template
from django.conf import settings

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
