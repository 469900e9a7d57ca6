"""The customer page of the admin: search, the account panel and the account's actions.

CustomerAdmin (ebok/customers/admin.py) mixes this in. Each action is a POST to its own URL
under the customer's change page, CSRF-protected by the admin, allowed only with the
permission accounts.manage_customer_account, and audited with the staff member as the actor.
A temporary password replaces the customer's own, so it is issued only from a confirmation
page that says what it replaces (GET shows it; its POST with confirm=yes issues); disabling
the account asks the same way.
"""

import re

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.debug import sensitive_variables

from ebok.accounts.services import issue_temporary_password
from ebok.backoffice import accounts, overview
from ebok.backoffice.letter import Letter, render_letters
from ebok.notifications.emails import absolute_url

MANAGE_PERMISSION = "accounts.manage_customer_account"
# Each letter costs a password hash; a selection beyond this is refused, not half done.
MAX_LETTERS = 100
# The fields the billing system keeps: read-only once a customer comes from it.
BILLING_FIELDS = [
    "number",
    "name",
    "nip",
    "postal_code",
    "city",
    "street",
    "bank_account",
    "external_id",
]
BILLING_NOTE = gettext_lazy(
    "The number, name, NIP, address and account come from the billing system: change them there."
)
DIGITS = re.compile(r"^[0-9]{1,20}$")
CONFIRMATION_TEMPLATE = "admin/customers/customer/letter_confirmation.html"
DISABLE_TEMPLATE = "admin/customers/customer/disable_confirmation.html"
NUMBER_WIDTH = 20  # Customer.number's max_length


def _letters_response(letters: list[Letter], filename: str) -> HttpResponse:
    response = HttpResponse(render_letters(letters), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class CustomerAccountAdminMixin:
    """For a ModelAdmin of Customer."""

    actions = ["print_temporary_password_letters"]
    change_form_template = "admin/customers/customer/change_form.html"

    # Search (search_fields: the name and address): a customer number uses its unique index;
    # an e-mail address is compared from its start; anything else goes to search_fields.
    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if DIGITS.match(term):
            # "1234" also finds 001234: the same digits with leading zeros, looked up exactly.
            padded = [term.zfill(width) for width in range(len(term), NUMBER_WIDTH + 1)]
            return queryset.filter(Q(number__startswith=term) | Q(number__in=padded)), False
        if "@" in term and " " not in term:
            return queryset.filter(email__istartswith=term), False
        return super().get_search_results(request, queryset, search_term)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.external_id:
            return BILLING_FIELDS
        return ["external_id"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.external_id:
            (name, options), *rest = fieldsets
            options = {**options, "description": BILLING_NOTE}
            return [(name, options), *rest]
        return fieldsets

    # Permissions -----------------------------------------------------------------------

    def has_delete_permission(self, request, obj=None):
        # The billing system withdraws its customers itself (docs/api.md); a customer deleted
        # here would come back with its next push, without the history deleted with it.
        if obj is not None and obj.external_id:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        # "Delete selected" would not ask customer by customer whether billing owns them.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_manage_customer_account_permission(self, request, obj=None) -> bool:
        return request.user.has_perm(MANAGE_PERMISSION) and self.has_view_or_change_permission(
            request, obj
        )

    # The account panel -------------------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        customer = self.get_object(request, unquote(object_id)) if object_id else None
        if customer is not None:
            extra_context = {**(extra_context or {}), **self._panel_context(request, customer)}
        return super().change_view(request, object_id, form_url, extra_context)

    def _panel_context(self, request, customer) -> dict:
        state = accounts.account_state(customer)
        can_manage = self.has_manage_customer_account_permission(request, customer)
        action_urls = {
            name: reverse(f"admin:customers_customer_account_{name}", args=[customer.pk])
            for name in ("letter", "end_sessions", "lift_throttle", "disable", "enable")
        }
        return {
            "account_state": state,
            "account_states": accounts.State,
            "last_logins": accounts.last_logins(customer),
            "can_manage_account": can_manage,
            "can_view_audit": request.user.has_perm("audit.view_auditevent"),
            "account_action_urls": action_urls,
            **overview.customer_overview(request, customer),
        }

    # URLs ----------------------------------------------------------------------------------

    def get_urls(self):
        views = {
            "letter": self.letter_view,
            "end_sessions": self.end_sessions_view,
            "lift_throttle": self.lift_throttle_view,
            "disable": self.disable_view,
            "enable": self.enable_view,
        }
        custom = [
            path(
                f"<path:object_id>/account/{name.replace('_', '-')}/",
                self.admin_site.admin_view(view),
                name=f"customers_customer_account_{name}",
            )
            for name, view in views.items()
        ]
        return custom + super().get_urls()

    def _customer_to_manage(self, request, object_id):
        """The customer, if the user may manage accounts (404 or 403 otherwise)."""
        customer = self.get_object(request, unquote(object_id))
        if customer is None:
            raise Http404
        if not self.has_manage_customer_account_permission(request, customer):
            raise PermissionDenied
        return customer

    def _customer_for_action(self, request, object_id):
        """The customer, if this is a POST by someone allowed to manage accounts."""
        if request.method != "POST":
            return None
        return self._customer_to_manage(request, object_id)

    def _back(self, customer) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:customers_customer_change", args=[customer.pk]))

    # The actions -----------------------------------------------------------------------------

    def letter_view(self, request, object_id):
        if request.method not in {"GET", "POST"}:
            return HttpResponseNotAllowed(["GET", "POST"])
        customer = self._customer_to_manage(request, object_id)
        state = accounts.account_state(customer)
        if state.exists and not state.active:
            messages.error(request, _("The account is disabled: enable it first."))
            return self._back(customer)
        back = reverse("admin:customers_customer_change", args=[customer.pk])
        return self._confirm_and_issue(
            request, [customer], f"e-BOK-{customer.number}.pdf", back=back, customer=customer
        )

    @sensitive_variables("password")
    def _confirm_and_issue(self, request, customers, filename, *, back, fields=(), customer=None):
        """The confirmation page; on its confirming POST, new passwords and their letters.

        `back`: where the page's way back leads; `customer`: the customer whose page it was
        opened from, if any; `fields`: (name, value) pairs the confirming form sends back (the
        changelist's action).
        """
        if request.method == "POST" and request.POST.get("confirm") == "yes":
            # All or nothing: should a letter fail, every customer keeps the old password.
            with transaction.atomic():
                facts = accounts.password_facts(customers, lock=True)
                changed = [
                    fact.customer.number
                    for fact in facts
                    if request.POST.get(f"seen-{fact.customer.pk}") != fact.seen
                ]
                if not changed:
                    letters = []
                    for customer in customers:
                        password = issue_temporary_password(
                            customer, actor=request.user, request=request
                        )
                        letters.append(self._letter(request, customer, password))
                    return _letters_response(letters, filename)
            messages.warning(
                request,
                ngettext(
                    "The password of customer %(numbers)s changed while this page was open. "
                    "Check and confirm again.",
                    "The passwords of customers %(numbers)s changed while this page was open. "
                    "Check and confirm again.",
                    len(changed),
                )
                % {"numbers": ", ".join(changed)},
            )
        facts = accounts.password_facts(customers)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": ngettext(
                "Issue a temporary password?", "Issue temporary passwords?", len(customers)
            ),
            "customer": customer,
            "facts": facts,
            "passwords": accounts.Password,
            "fields": fields,
            "back": back,
        }
        return TemplateResponse(request, CONFIRMATION_TEMPLATE, context)

    def _letter(self, request, customer, password) -> Letter:
        expires_at = get_user_model().objects.get(customer=customer).temporary_password_expires_at
        return Letter(customer, password, expires_at, absolute_url(request, "/"))

    def end_sessions_view(self, request, object_id):
        customer = self._customer_for_action(request, object_id)
        if customer is None:
            return HttpResponseNotAllowed(["POST"])
        if accounts.end_sessions(customer, actor=request.user, request=request):
            messages.success(request, _("All sessions of the account have been ended."))
        else:
            messages.warning(request, _("The customer has no account."))
        return self._back(customer)

    def lift_throttle_view(self, request, object_id):
        customer = self._customer_for_action(request, object_id)
        if customer is None:
            return HttpResponseNotAllowed(["POST"])
        accounts.lift_throttle(customer, actor=request.user, request=request)
        messages.success(request, _("Failed logins of this customer number have been forgotten."))
        return self._back(customer)

    def disable_view(self, request, object_id):
        """Disabling locks the customer out at once, so it asks first: GET (or a POST without
        confirm=yes) shows what it does; the confirming POST disables."""
        if request.method not in {"GET", "POST"}:
            return HttpResponseNotAllowed(["GET", "POST"])
        if request.method == "POST" and request.POST.get("confirm") == "yes":
            return self._set_active(request, object_id, False, _("The account has been disabled."))
        customer = self._customer_to_manage(request, object_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Disable the account?"),
            "customer": customer,
        }
        return TemplateResponse(request, DISABLE_TEMPLATE, context)

    def enable_view(self, request, object_id):
        return self._set_active(request, object_id, True, _("The account has been enabled."))

    def _set_active(self, request, object_id, active: bool, done: str):
        customer = self._customer_for_action(request, object_id)
        if customer is None:
            return HttpResponseNotAllowed(["POST"])
        if accounts.set_active(customer, active, actor=request.user, request=request):
            messages.success(request, done)
        else:
            messages.warning(request, _("The customer has no account."))
        return self._back(customer)

    @admin.action(
        description=gettext_lazy("Issue temporary passwords and print the letters"),
        permissions=["manage_customer_account"],
    )
    def print_temporary_password_letters(self, request, queryset):
        customers = list(queryset.select_related("account")[: MAX_LETTERS + 1])
        if len(customers) > MAX_LETTERS:
            messages.error(
                request,
                _("At most %(n)d letters at a time; select fewer customers.") % {"n": MAX_LETTERS},
            )
            return None
        disabled = [
            c.number for c in customers if hasattr(c, "account") and not c.account.is_active
        ]
        if disabled:
            messages.error(
                request,
                _("Disabled accounts get no password: %(numbers)s. Enable them or leave them out.")
                % {"numbers": ", ".join(disabled)},
            )
            return None
        # The confirmation names each customer, so it confirms exactly them ("select all" too).
        fields = [("action", "print_temporary_password_letters")]
        fields += [(ACTION_CHECKBOX_NAME, customer.pk) for customer in customers]
        back = request.get_full_path()  # the list, with its filters
        return self._confirm_and_issue(
            request, customers, "e-BOK-letters.pdf", back=back, fields=fields
        )
