from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ebok.core.forms import Form
from ebok.customers.readings import SubmittedReading, check


class ReadingForm(Form):
    """ "Podaj odczyt": the meter's value as the customer reads it, in m³."""

    value = forms.DecimalField(
        label=_("Meter value (m³)"),
        max_digits=12,
        decimal_places=3,
        min_value=0,
        localize=True,
        help_text=_("The black digits are cubic metres; the red ones, after the comma, litres."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    read_on = forms.DateField(
        label=_("Reading date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, meter, *args, **kwargs):
        self.meter = meter
        kwargs.setdefault("initial", {"read_on": timezone.localdate()})
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                check(self.meter, self.submitted())
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned

    def submitted(self) -> SubmittedReading:
        return SubmittedReading(
            read_on=self.cleaned_data["read_on"], value=self.cleaned_data["value"]
        )
