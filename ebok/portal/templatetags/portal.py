from django import template
from django.urls import reverse

from ebok.billing.formatting import money as format_money
from ebok.billing.formatting import unit_price as format_unit_price
from ebok.portal.tabs import TABS

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_tabs(context):
    match = context["request"].resolver_match
    current = match.url_name if match else None
    return [
        {"url": reverse(url_name), "label": label, "current": current in pages}
        for url_name, label, pages in TABS
    ]


@register.filter
def money(value):
    """1234.5 → "1 234,50 zł" in Polish; empty for None."""
    return "" if value is None else format_money(value)


@register.filter
def unit_price(value):
    """10.5263 → "10,5263 zł" in Polish: a charge's unit price keeps up to 4 decimals."""
    return "" if value is None else format_unit_price(value)


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current URL's query with another page number (keeps the year filter)."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()
