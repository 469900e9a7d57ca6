from django import template

from ebok.portal.tabs import TABS

register = template.Library()


@register.simple_tag
def portal_tabs():
    return TABS
