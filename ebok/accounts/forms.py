from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from ebok.accounts.consents import E_INVOICE_CONSENT_TEXT
from ebok.accounts.passwords import minimum_length_text
from ebok.accounts.registration import Application, normalize_invoice_number, parse_amount
from ebok.core.forms import Form
from ebok.customers.models import normalize_customer_number


class LoginForm(Form):
    customer_number = forms.CharField(
        label=_("User"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=settings.PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    remember_me = forms.BooleanField(label=_("Remember me?"), required=False)

    def clean_customer_number(self):
        return normalize_customer_number(self.cleaned_data["customer_number"])


class NewPasswordForm(Form):
    """A new password typed twice and checked against the policy (reset and change share it)."""

    new_password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    new_password2 = forms.CharField(
        label=_("Confirm new password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def minimum_length_text(self):
        return minimum_length_text()

    def clean_new_password2(self):
        password1 = self.cleaned_data.get("new_password1")
        password2 = self.cleaned_data["new_password2"]
        if password1 and password1 != password2:
            raise forms.ValidationError(_("The two passwords do not match."), code="mismatch")
        return password2

    def clean_new_password1(self):
        password = self.cleaned_data["new_password1"]
        password_validation.validate_password(password, self.user)
        if self.user.check_password(password):
            if self.user.has_temporary_password:
                message = _("The new password must differ from the temporary password.")
            else:
                message = _("The new password must differ from the current one.")
            raise forms.ValidationError(message, code="password_unchanged")
        return password


class PasswordChangeForm(NewPasswordForm):
    current_password = forms.CharField(
        label=_("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    field_order = ["current_password", "new_password1", "new_password2"]

    def clean_current_password(self):
        password = self.cleaned_data["current_password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("The current password is not correct."), code="password_incorrect"
            )
        return password


class PasswordForgottenForm(Form):
    customer_number = forms.CharField(
        label=_("Customer number"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )

    def clean_customer_number(self):
        return normalize_customer_number(self.cleaned_data["customer_number"])


class RegistrationForm(Form):
    """Self-registration: the customer number and one recent invoice prove who is asking."""

    customer_number = forms.CharField(
        label=_("Customer number"),
        max_length=40,
        help_text=_("As on your invoices, e.g. 001234."),
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )
    invoice_number = forms.CharField(
        label=_("Invoice number"),
        max_length=40,
        help_text=_("Of any invoice issued to you in the last 12 months."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    gross = forms.CharField(
        label=_("Gross amount of that invoice (PLN)"),
        max_length=30,
        help_text=_("The amount to pay as on the invoice, e.g. 60,00."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "decimal"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_(
            "We will send the temporary password here and keep this address for messages "
            "about your account."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of service."),
        error_messages={"required": _("To register, accept the terms of service.")},
    )
    e_invoice = forms.BooleanField(
        label=E_INVOICE_CONSENT_TEXT,
        required=False,
        help_text=_("Optional. You can withdraw this consent at the customer office at any time."),
    )

    def clean_customer_number(self):
        return normalize_customer_number(self.cleaned_data["customer_number"])

    def clean_invoice_number(self):
        return normalize_invoice_number(self.cleaned_data["invoice_number"])

    def clean_gross(self):
        amount = parse_amount(self.cleaned_data["gross"])
        if amount is None:
            raise forms.ValidationError(
                _(
                    "This amount cannot be read. Type it as on the invoice, in złoty and "
                    "grosze, e.g. 60,00 or 1 234,56."
                ),
                code="amount",
            )
        return amount

    def application(self) -> Application:
        data = self.cleaned_data
        return Application(
            customer_number=data["customer_number"],
            invoice_number=data["invoice_number"],
            gross=data["gross"],
            email=data["email"],
            e_invoice=data["e_invoice"],
        )
