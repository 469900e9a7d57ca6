from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from ebok.billing.formatting import money as format_money
from ebok.billing.formatting import unit_price as format_unit_price
from ebok.customers.volumes import volume as format_volume
from ebok.portal import tables
from ebok.portal.tabs import TABS

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_tabs(context):
    """The tabs (portal/tabs.py) with their addresses, and the one the page belongs to."""
    match = context["request"].resolver_match
    page = match.url_name if match else None
    tabs = [
        {"url": reverse(url_name), "label": label, "current": page in pages}
        for url_name, label, pages in TABS
    ]
    return {"list": tabs, "current": next((tab for tab in tabs if tab["current"]), None)}


@register.simple_tag
def tab_list(tabs, list_class):
    """The tabs as a list of links, the current one marked for screen readers. A tag rather
    than an include: every panel page draws the list twice, and the include's loop took a
    fifth of a light page's Python calls."""
    items = format_html_join(
        "\n",
        '<li><a href="{}"{}>{}</a></li>',
        (
            (tab["url"], mark_safe(' aria-current="page"') if tab["current"] else "", tab["label"])
            for tab in tabs
        ),
    )
    return format_html('<ul class="{}">\n{}\n</ul>', list_class, items)


register.filter("status_badge", tables.status_badge)
register.simple_tag(tables.invoice_rows, name="invoice_rows")
register.simple_tag(tables.line_rows, name="line_rows")
register.simple_tag(tables.payment_rows, name="payment_rows")
register.simple_tag(tables.reading_rows, name="reading_rows")


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


@register.filter
def volume(value):
    """157.5 → "157,500" in Polish: m³ as customers read them (customers/volumes.py)."""
    return format_volume(value)
