"""The forms of "My account": contact data and consents."""

import phonenumbers
from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from ebok.accounts.forms import CurrentPasswordMixin, current_password_field
from ebok.core.forms import Form

# Poland's numbers without the +48; any other country with its own prefix.
PHONE_REGION = "PL"


class EmailChangeForm(CurrentPasswordMixin, Form):
    email = forms.EmailField(
        label=_("New e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    current_password = current_password_field()

    def __init__(self, user, customer, *args, **kwargs):
        self.user = user
        self.customer = customer
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"]
        if self.customer.email and email.casefold() == self.customer.email.casefold():
            raise forms.ValidationError(
                _("This is already the e-mail address on file."), code="unchanged"
            )
        return email


class PhoneForm(Form):
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=30,
        required=False,
        help_text=_("E.g. 601 234 567, or with the country code: +49 1512 3456789."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    def clean_phone(self):
        raw = self.cleaned_data["phone"].strip()
        if not raw:
            return ""
        message = _("Enter a mobile phone number, e.g. 601 234 567 or +48 601 234 567.")
        try:
            number = phonenumbers.parse(raw, PHONE_REGION)
        except phonenumbers.NumberParseException:
            raise forms.ValidationError(message, code="invalid") from None
        kind = phonenumbers.number_type(number)
        mobile = kind in (
            phonenumbers.PhoneNumberType.MOBILE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        )
        if not phonenumbers.is_valid_number(number) or not mobile:
            raise forms.ValidationError(message, code="invalid")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class CorrespondenceAddressForm(Form):
    """Empty fields remove the correspondence address: letters go to the customer's address."""

    postal_code = forms.CharField(
        label=_("Postal code"),
        max_length=6,
        required=False,
        validators=[RegexValidator(r"^[0-9]{2}-[0-9]{3}$", _("Enter a postal code like 07-100."))],
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    city = forms.CharField(
        label=_("City"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    street = forms.CharField(
        label=_("Street and number"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )

    def address(self) -> dict | None:
        data = {name: self.cleaned_data[name] for name in ["postal_code", "city", "street"]}
        return data if any(data.values()) else None

    def clean(self):
        data = super().clean()
        filled = [name for name in ["postal_code", "city", "street"] if data.get(name)]
        if filled and len(filled) < 3:
            for name in {"postal_code", "city", "street"} - set(filled):
                if name not in self.errors:
                    self.add_error(name, _("Fill in the whole address, or leave it all empty."))
        return data


class ConsentForm(Form):
    """Give or withdraw the e-invoice consent: the button pressed says which."""

    ACTIONS = ("give", "withdraw")
    action = forms.ChoiceField(choices=[(action, action) for action in ACTIONS])


def passkey_name_field() -> forms.CharField:
    """The name of a passkey, when it is added and when it is renamed (Passkey.name's length)."""
    return forms.CharField(
        label=_("Name of the passkey"),
        max_length=60,
        help_text=_("So that you know it later, e.g. “My phone”."),
        error_messages={"required": _("Enter a name for the passkey.")},
    )


class PasskeyForm(CurrentPasswordMixin, Form):
    name = passkey_name_field()
    current_password = current_password_field()

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)


class PasskeyRenameForm(Form):
    """No password asked: a new name changes nothing of who can log in (it is still told)."""

    name = passkey_name_field()
