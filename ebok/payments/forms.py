from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ebok.accounts.registration import parse_amount
from ebok.billing.formatting import money
from ebok.core.forms import Form

MINIMUM = Decimal("1.00")


def checked_amount(text: str) -> Decimal:
    """An amount typed for an online payment: readable, in złoty and grosze, at least 1,00 zł
    and not more than the deployment allows (a typo of three extra zeros is not a payment)."""
    amount = parse_amount(text)
    if amount is None:
        raise forms.ValidationError(
            _("This amount cannot be read. Type it in złoty and grosze, e.g. 60,00."),
            code="amount",
        )
    if amount < MINIMUM:
        raise forms.ValidationError(
            _("The smallest amount to pay online is %(minimum)s.") % {"minimum": money(MINIMUM)},
            code="too_small",
        )
    maximum = Decimal(settings.ONLINE_PAYMENT_MAX_ZLOTY)
    if amount > maximum:
        raise forms.ValidationError(
            _("The largest amount to pay online is %(maximum)s.") % {"maximum": money(maximum)},
            code="too_large",
        )
    return amount


class PayForm(Form):
    amount = forms.CharField(
        label=_("Amount to pay (PLN)"),
        max_length=30,
        help_text=_("Everything due, or less, or more as an advance; e.g. 60,00."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "decimal"}),
    )

    def clean_amount(self):
        return checked_amount(self.cleaned_data["amount"])


class PayNumbersForm(Form):
    """Paying what is due on several customer numbers in one payment."""

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["numbers"] = forms.MultipleChoiceField(
            label=_("Customer numbers to pay for"),
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": _("Choose at least one customer number.")},
        )
