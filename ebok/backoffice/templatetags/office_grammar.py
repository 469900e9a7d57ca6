"""A model's nouns in the forms ebok/backoffice/grammar.py declares, for the admin's templates:
`{{ opts|accusative }}`, `{{ opts|selected }}`, `{{ opts|counted:cl.result_count }}`."""

from django import template

from ebok.backoffice.grammar import forms_of

register = template.Library()


@register.filter
def accusative(opts):
    return forms_of(opts).accusative


@register.filter
def selected(opts):
    return forms_of(opts).selected


@register.filter
def counted(opts, number):
    return forms_of(opts).count(number)
