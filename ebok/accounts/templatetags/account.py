from django import template
from django.urls import reverse

from ebok.accounts.sections import SECTIONS

register = template.Library()


@register.simple_tag(takes_context=True)
def account_sections(context):
    match = context["request"].resolver_match
    current = match.url_name if match else None
    return [
        {"url": reverse(url_name), "label": label, "current": current in pages}
        for url_name, label, pages in SECTIONS
    ]
