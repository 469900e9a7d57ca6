from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ebok.core.forms import Form
from ebok.customers import photos
from ebok.customers.readings import SubmittedReading, check, doubt


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
    photo = forms.FileField(
        label=_("Photo of the meter (optional)"),
        required=False,
        help_text=_("JPEG, PNG or HEIC, at most 10 MB; the digits should be readable."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/heic"}),
    )

    def __init__(self, meter, *args, **kwargs):
        self.meter = meter
        # The question asked back about an unlikely value, once the customer has seen it.
        self.question = None
        kwargs.setdefault("initial", {"read_on": timezone.localdate()})
        super().__init__(*args, **kwargs)

    @property
    def confirmed(self) -> bool:
        """The customer pressed "the reading is right" under the question about it."""
        return self.data.get("confirmed") == "1"

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return photos.reencode(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                check(self.meter, self.submitted())
            except ValidationError as error:
                self.add_error(None, error)
                return cleaned
            self.question = doubt(self.meter, self.submitted())
            if self.question and not self.confirmed:
                self.add_error("value", self.question)
        return cleaned

    def submitted(self) -> SubmittedReading:
        return SubmittedReading(
            read_on=self.cleaned_data["read_on"], value=self.cleaned_data["value"]
        )
