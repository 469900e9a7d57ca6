from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import mark_safe

from ebok.billing.formatting import money as format_money
from ebok.billing.formatting import unit_price as format_unit_price
from ebok.customers.volumes import volume as format_volume
from ebok.portal import tables
from ebok.portal.tables import escape
from ebok.portal.tabs import TABS

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_tabs(context):
    """The tabs (portal/tabs.py) as list items, and the label of the one the page belongs to.
    Written once for the two lists every panel page draws (tab_list), escaped as in
    portal/tables.py: with format_html and an include before it, the tabs took a fifth of a
    light page's Python calls."""
    match = context["request"].resolver_match
    page = match.url_name if match else None
    items, current = [], None
    addresses = _tab_addresses(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    for address, (_url_name, label, pages) in zip(addresses, TABS, strict=True):
        marked = ""
        if page in pages:
            current, marked = str(label), ' aria-current="page"'
        items.append(f'<li><a href="{address}"{marked}>{escape(str(label))}</a></li>')
    return {"items": "\n".join(items), "current": current}


@lru_cache(maxsize=8)
def _tab_addresses(script_prefix: str, urlconf) -> tuple[str, ...]:
    """The tabs' addresses, escaped: the same for every request under one script prefix and
    URLconf (the addresses do not depend on the language), so reversed once rather than seven
    times a page. The key is the prefix and the URLconf that reverse() reads."""
    return tuple(escape(reverse(url_name, urlconf)) for url_name, _label, _pages in TABS)


@register.simple_tag
def tab_list(tabs, list_class):
    """The tabs as a list of links, the current one marked for screen readers (the items
    portal_tabs wrote and escaped)."""
    return mark_safe(f'<ul class="{escape(list_class)}">\n{tabs["items"]}\n</ul>')  # noqa: S308 - items escaped


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
