"""Texts of Django's admin that name a model in the nominative from Django's own code, kept here
so that makemessages keeps them in our catalogue, where the Polish words them without a gender.

Django's Polish catalogue writes these with every ending at once ("{name} „{obj}” został(a)(-ło)
dodany(-na)(-ne) pomyślnie."). Titles, buttons, counts and the delete pages take the model's
declared forms instead (ebok/backoffice/grammar.py); these are formatted inside Django's code
(messages after saving, the history's change messages, the inline and related-field buttons),
so our catalogue, which comes first (LOCALE_PATHS), words them as "Dodano: faktura „F/1”."
ebok/backoffice/tests/test_admin_reads_as_polish.py checks that the Polish never needs a
gender ending in brackets.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

DJANGO_TEXTS = [
    # django/contrib/admin/options.py: after saving and deleting.
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully."),
    gettext_noop("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?"),  # noqa: RUF001
    # django/contrib/admin/helpers.py: the inline's button.
    gettext_noop("Add another %(verbose_name)s"),
    # django/contrib/admin/templates/admin/widgets/related_widget_wrapper.html: icons' titles.
    gettext_noop("Change selected %(model)s"),
    gettext_noop("Add another %(model)s"),
    gettext_noop("Delete selected %(model)s"),
    gettext_noop("View selected %(model)s"),
    # django/contrib/admin/models.py: the history's change messages.
    gettext_noop("Added {name} “{object}”."),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("Deleted {name} “{object}”."),
]

# django/contrib/admin/options.py: the list's editable rows saved.
DJANGO_PLURAL_TEXTS = [
    ngettext_lazy(
        "%(count)s %(name)s was changed successfully.",
        "%(count)s %(name)s were changed successfully.",
        "count",
    ),
]
