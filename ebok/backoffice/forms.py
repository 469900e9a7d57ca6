from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _


class StaffLoginForm(AdminAuthenticationForm):
    """The admin's own login form, fields only: the view checks the password, after the
    throttle has let the attempt through (ebok/backoffice/views.py)."""

    def clean(self):
        return self.cleaned_data


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_("The 6-digit code from your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


class EnrolmentCodeForm(CodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.help_text = _("The 6-digit code your authenticator app shows now.")
        field.widget.attrs["inputmode"] = "numeric"
