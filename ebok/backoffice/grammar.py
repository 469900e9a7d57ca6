"""The office's nouns in the forms Polish needs, declared once for every model in the admin.

Django's admin builds its texts from a model's verbose name in the nominative: Polish reads
"Wybierz klient do zmiany", "Dodaj faktura", "19 odczyty". The admin needs three more forms of
each noun, declared here, each through gettext (English keeps its own words):

- the accusative, for what is chosen, added, changed, viewed or deleted ("Dodaj fakturę");
- the selected ones in the accusative, with their adjective, which agrees with the noun
  ("Usuń wybrane faktury", "Usuń wybranych klientów");
- a count with Polish plural forms through ngettext ("1 odczyt", "2 odczyty", "19 odczytów").

The office's site (ebok/backoffice/site.py) gives every registered ModelAdmin the
GrammarAdminMixin below, and the admin's templates that name a model (templates/admin/) take
these forms through the `office_grammar` filters. A model registered without its forms here
is found by ebok/backoffice/tests/test_admin_reads_as_polish.py. The mixin also names
permissions in the office's language, which Django stores in English ("Can add invoice").
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin import actions as django_actions
from django.contrib.admin.decorators import action
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext_lazy, pgettext_lazy
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Forms:
    accusative: Promise | str
    selected: Promise | str
    counted: Promise  # ngettext_lazy(singular, plural, "count"), each with %(count)s

    def count(self, number: int) -> str:
        return self.counted % {"count": number}


class _Nominative:
    """A count in the verbose names, for a model without declared forms."""

    def __init__(self, opts):
        self.opts = opts

    def __mod__(self, values):
        count = values["count"]
        name = self.opts.verbose_name if count == 1 else self.opts.verbose_name_plural
        return f"{count} {name}"


# Keyed by the model's label in lower case, as `opts.label_lower`.
FORMS = {
    "auth.group": Forms(
        accusative=pgettext_lazy("accusative", "group"),
        selected=pgettext_lazy("accusative", "selected groups"),
        counted=ngettext_lazy("%(count)s group", "%(count)s groups", "count"),
    ),
    "accounts.user": Forms(
        accusative=pgettext_lazy("accusative", "user"),
        selected=pgettext_lazy("accusative", "selected users"),
        counted=ngettext_lazy("%(count)s user", "%(count)s users", "count"),
    ),
    "accounts.consent": Forms(
        accusative=pgettext_lazy("accusative", "consent"),
        selected=pgettext_lazy("accusative", "selected consents"),
        counted=ngettext_lazy("%(count)s consent", "%(count)s consents", "count"),
    ),
    "customers.customer": Forms(
        accusative=pgettext_lazy("accusative", "customer"),
        selected=pgettext_lazy("accusative", "selected customers"),
        counted=ngettext_lazy("%(count)s customer", "%(count)s customers", "count"),
    ),
    "customers.servicepoint": Forms(
        accusative=pgettext_lazy("accusative", "service point"),
        selected=pgettext_lazy("accusative", "selected service points"),
        counted=ngettext_lazy("%(count)s service point", "%(count)s service points", "count"),
    ),
    "customers.meter": Forms(
        accusative=pgettext_lazy("accusative", "meter"),
        selected=pgettext_lazy("accusative", "selected meters"),
        counted=ngettext_lazy("%(count)s meter", "%(count)s meters", "count"),
    ),
    "customers.reading": Forms(
        accusative=pgettext_lazy("accusative", "reading"),
        selected=pgettext_lazy("accusative", "selected readings"),
        counted=ngettext_lazy("%(count)s reading", "%(count)s readings", "count"),
    ),
    "customers.readingwindow": Forms(
        accusative=pgettext_lazy("accusative", "reading window"),
        selected=pgettext_lazy("accusative", "selected reading windows"),
        counted=ngettext_lazy("%(count)s reading window", "%(count)s reading windows", "count"),
    ),
    "customers.leakwarning": Forms(
        accusative=pgettext_lazy("accusative", "leak warning"),
        selected=pgettext_lazy("accusative", "selected leak warnings"),
        counted=ngettext_lazy("%(count)s leak warning", "%(count)s leak warnings", "count"),
    ),
    "billing.invoice": Forms(
        accusative=pgettext_lazy("accusative", "invoice"),
        selected=pgettext_lazy("accusative", "selected invoices"),
        counted=ngettext_lazy("%(count)s invoice", "%(count)s invoices", "count"),
    ),
    "billing.payment": Forms(
        accusative=pgettext_lazy("accusative", "payment"),
        selected=pgettext_lazy("accusative", "selected payments"),
        counted=ngettext_lazy("%(count)s payment", "%(count)s payments", "count"),
    ),
    "content.announcement": Forms(
        accusative=pgettext_lazy("accusative", "announcement"),
        selected=pgettext_lazy("accusative", "selected announcements"),
        counted=ngettext_lazy("%(count)s announcement", "%(count)s announcements", "count"),
    ),
    "content.document": Forms(
        accusative=pgettext_lazy("accusative", "document"),
        selected=pgettext_lazy("accusative", "selected documents"),
        counted=ngettext_lazy("%(count)s document", "%(count)s documents", "count"),
    ),
    "content.privacypolicy": Forms(
        accusative=pgettext_lazy("accusative", "privacy policy version"),
        selected=pgettext_lazy("accusative", "selected privacy policy versions"),
        counted=ngettext_lazy(
            "%(count)s privacy policy version", "%(count)s privacy policy versions", "count"
        ),
    ),
    "audit.auditevent": Forms(
        accusative=pgettext_lazy("accusative", "event"),
        selected=pgettext_lazy("accusative", "selected events"),
        counted=ngettext_lazy("%(count)s event", "%(count)s events", "count"),
    ),
    "notifications.notice": Forms(
        accusative=pgettext_lazy("accusative", "notice"),
        selected=pgettext_lazy("accusative", "selected notices"),
        counted=ngettext_lazy("%(count)s notice", "%(count)s notices", "count"),
    ),
    "cases.case": Forms(
        accusative=pgettext_lazy("accusative", "case"),
        selected=pgettext_lazy("accusative", "selected cases"),
        counted=ngettext_lazy("%(count)s case", "%(count)s cases", "count"),
    ),
    "cases.casetype": Forms(
        accusative=pgettext_lazy("accusative", "case type"),
        selected=pgettext_lazy("accusative", "selected case types"),
        counted=ngettext_lazy("%(count)s case type", "%(count)s case types", "count"),
    ),
    "cases.answertemplate": Forms(
        accusative=pgettext_lazy("accusative", "answer template"),
        selected=pgettext_lazy("accusative", "selected answer templates"),
        counted=ngettext_lazy("%(count)s answer template", "%(count)s answer templates", "count"),
    ),
    "integration.apitoken": Forms(
        accusative=pgettext_lazy("accusative", "API token"),
        selected=pgettext_lazy("accusative", "selected API tokens"),
        counted=ngettext_lazy("%(count)s API token", "%(count)s API tokens", "count"),
    ),
    "integration.apicall": Forms(
        accusative=pgettext_lazy("accusative", "API call"),
        selected=pgettext_lazy("accusative", "selected API calls"),
        counted=ngettext_lazy("%(count)s API call", "%(count)s API calls", "count"),
    ),
    "payments.onlinepayment": Forms(
        accusative=pgettext_lazy("accusative", "online payment"),
        selected=pgettext_lazy("accusative", "selected online payments"),
        counted=ngettext_lazy("%(count)s online payment", "%(count)s online payments", "count"),
    ),
    "payments.notification": Forms(
        accusative=pgettext_lazy("accusative", "notification from the operator"),
        selected=pgettext_lazy("accusative", "selected notifications from the operator"),
        counted=ngettext_lazy(
            "%(count)s notification from the operator",
            "%(count)s notifications from the operator",
            "count",
        ),
    ),
    "accounts.accountchange": Forms(
        accusative=pgettext_lazy("accusative", "change of contact data or consents"),
        selected=pgettext_lazy("accusative", "selected changes of contact data and consents"),
        counted=ngettext_lazy(
            "%(count)s change of contact data or consents",
            "%(count)s changes of contact data and consents",
            "count",
        ),
    ),
    "accounts.correspondenceaddress": Forms(
        accusative=pgettext_lazy("accusative", "correspondence address"),
        selected=pgettext_lazy("accusative", "selected correspondence addresses"),
        counted=ngettext_lazy(
            "%(count)s correspondence address", "%(count)s correspondence addresses", "count"
        ),
    ),
    "accounts.passkey": Forms(
        accusative=pgettext_lazy("accusative", "passkey"),
        selected=pgettext_lazy("accusative", "selected passkeys"),
        counted=ngettext_lazy("%(count)s passkey", "%(count)s passkeys", "count"),
    ),
    "accounts.dataexport": Forms(
        accusative=pgettext_lazy("accusative", "data export"),
        selected=pgettext_lazy("accusative", "selected data exports"),
        counted=ngettext_lazy("%(count)s data export", "%(count)s data exports", "count"),
    ),
    "accounts.emailconfirmation": Forms(
        accusative=pgettext_lazy("accusative", "e-mail confirmation"),
        selected=pgettext_lazy("accusative", "selected e-mail confirmations"),
        counted=ngettext_lazy(
            "%(count)s e-mail confirmation", "%(count)s e-mail confirmations", "count"
        ),
    ),
    "customers.readingtoreview": Forms(
        accusative=pgettext_lazy("accusative", "reading to review"),
        selected=pgettext_lazy("accusative", "selected readings to review"),
        counted=ngettext_lazy(
            "%(count)s reading to review", "%(count)s readings to review", "count"
        ),
    ),
}


def forms_of(opts) -> Forms:
    """The declared forms; a model without them reads in the nominative (and its test fails)."""
    forms = FORMS.get(opts.label_lower)
    if forms is not None:
        return forms
    return Forms(opts.verbose_name, opts.verbose_name_plural, _Nominative(opts))


# Django's titles (their msgid) and ours, which take the accusative by name.
_TITLES = {
    "Select %s": _("Select %(name)s"),
    "Select %s to change": _("Select %(name)s to change"),
    "Select %s to view": _("Select %(name)s to view"),
    "Add %s": _("Add %(name)s"),
    "Change %s": _("Change %(name)s"),
    "View %s": _("View %(name)s"),
}


# Django names the permissions it makes in English in the database ("Can add invoice").
_PERMISSION_ACTIONS = {
    "add": pgettext_lazy("permission", "add"),
    "change": pgettext_lazy("permission", "change"),
    "delete": pgettext_lazy("permission", "delete"),
    "view": pgettext_lazy("permission", "view"),
}


def permission_label(permission) -> str:
    """ "Rozliczenia | faktura | podgląd": the app, the model and the action, translated."""
    opts = permission.content_type.model_class()
    action, _sep, model_name = permission.codename.partition("_")
    if opts is None:
        return str(permission)
    meta = opts._meta
    if action in _PERMISSION_ACTIONS and model_name == meta.model_name:
        what = _PERMISSION_ACTIONS[action]
    else:
        what = gettext(permission.name)  # the app's own, named through gettext in its Meta
    return f"{meta.app_config.verbose_name} | {meta.verbose_name} | {what}"


# Django's title when an object cannot be deleted (its msgid).
_CANNOT_DELETE = "Cannot delete %(name)s"


class GrammarAdminMixin:
    """Given to every ModelAdmin by OfficeSite.register: its titles and the delete action's
    name in the declared forms. A title a ModelAdmin sets itself (extra_context) stays."""

    def _grammatical_title(self, response):
        if not isinstance(response, TemplateResponse) or response.context_data is None:
            return response
        title = response.context_data.get("title")
        name = str(self.opts.verbose_name)
        for django_msgid, ours in _TITLES.items():
            if title == gettext(django_msgid) % name:
                accusative = forms_of(self.opts).accusative
                response.context_data["title"] = ours % {"name": accusative}
                break
        return response

    def changelist_view(self, request, extra_context=None):
        return self._grammatical_title(super().changelist_view(request, extra_context))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        response = super().changeform_view(request, object_id, form_url, extra_context)
        return self._grammatical_title(response)

    def delete_view(self, request, object_id, extra_context=None):
        response = super().delete_view(request, object_id, extra_context)
        if isinstance(response, TemplateResponse) and response.context_data is not None:
            name = self.opts.verbose_name
            if response.context_data.get("title") == gettext(_CANNOT_DELETE) % {"name": name}:
                # After a negation Polish wants the genitive: say it of "the object".
                response.context_data["title"] = gettext("This %(name)s cannot be deleted") % {
                    "name": name
                }
        return response

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.related_model is Permission:
            field.label_from_instance = permission_label
        return field

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            func, name, _description = actions["delete_selected"]
            description = gettext("Delete %(selected)s") % {
                "selected": forms_of(self.opts).selected
            }
            actions["delete_selected"] = (func, name, description)
        return actions


@action(permissions=["delete"], description=django_actions.delete_selected.short_description)
def delete_selected(modeladmin, request, queryset):
    """Django's action (its confirmation page is templates/admin/delete_selected_confirmation.html),
    with its title and message in the model's own forms."""
    forms = forms_of(modeladmin.opts)
    if request.POST.get("post"):
        _objects, _count, perms_needed, protected = modeladmin.get_deleted_objects(
            queryset, request
        )
        if not protected:
            if perms_needed:
                raise PermissionDenied
            count = len(queryset)
            if count:
                modeladmin.log_deletions(request, queryset)
                modeladmin.delete_queryset(request, queryset)
                text = gettext("Deleted: %(counted)s.") % {"counted": forms.count(count)}
                modeladmin.message_user(request, text, messages.SUCCESS)
            return None
    response = django_actions.delete_selected(modeladmin, request, queryset)
    if response.context_data["title"] != gettext("Delete multiple objects"):
        response.context_data["title"] = gettext("The selected %(name)s cannot be deleted") % {
            "name": modeladmin.opts.verbose_name_plural
        }
    return response
