from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from ebok.accounts.consents import E_INVOICE_CONSENT_TEXT
from ebok.accounts.models import Membership
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


class CurrentPasswordMixin:
    """The current password proves that the person at the keyboard owns the login
    (self.user); a form with it changes who can reach the account or how."""

    def clean_current_password(self):
        password = self.cleaned_data["current_password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("The current password is not correct."), code="password_incorrect"
            )
        return password


def current_password_field():
    return forms.CharField(
        label=_("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class PasswordChangeForm(CurrentPasswordMixin, NewPasswordForm):
    current_password = current_password_field()

    field_order = ["current_password", "new_password1", "new_password2"]


class PasswordForgottenForm(Form):
    customer_number = forms.CharField(
        label=_("Customer number"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )

    def clean_customer_number(self):
        return normalize_customer_number(self.cleaned_data["customer_number"])


class InvoiceProofForm(Form):
    """A customer number proved with one recent invoice: registration and adding a number."""

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
            email=data.get("email", ""),
            e_invoice=data.get("e_invoice", False),
        )


class RegistrationForm(InvoiceProofForm):
    """Self-registration: the customer number and one recent invoice prove who is asking."""

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


class InviteForm(Form):
    email = forms.EmailField(
        label=_("E-mail address of the person invited"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    role = forms.ChoiceField(
        label=_("What they may do"),
        choices=[
            (Membership.Role.VIEWER, _("see, submit readings and pay (viewer)")),
            (Membership.Role.OWNER, _("everything, including managing access (owner)")),
        ],
        initial=Membership.Role.VIEWER,
        widget=forms.RadioSelect,
    )


class NewLoginForm(NewPasswordForm):
    """A login created to accept an invitation: the address invited, and a password."""

    def __init__(self, email, *args, **kwargs):
        User = get_user_model()
        self.email = email.casefold()
        super().__init__(User(username=self.email, email=self.email), *args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if get_user_model().objects.filter(username__iexact=self.email).exists():
            raise forms.ValidationError(
                _(
                    "There is already a login for this e-mail address. Log in with it to "
                    "accept the invitation."
                ),
                code="login_exists",
            )
        return cleaned

    def save(self):
        user = self.user
        user.set_password(self.cleaned_data["new_password1"])
        user.save()
        return user
