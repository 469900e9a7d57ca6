from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from ebok.billing.statement import MAX_YEARS
from ebok.core.forms import Form

EARLIEST = date(2000, 1, 1)  # before any e-BOK's data: an earlier date is a typing slip


def _date_field(label):
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class StatementForm(Form):
    """ "Zestawienie rozliczeń": the period, from the first of January to today unless chosen.

    Read from the query string (a GET form), so that a statement has an address and its PDF and
    CSV links carry the same period.
    """

    start = _date_field(_("From"))
    end = _date_field(_("To"))

    def __init__(self, data=None, **kwargs):
        today = timezone.localdate()
        self.today = today
        if not data or not any(data.get(name) for name in ("start", "end")):
            # Nothing chosen yet: this year so far.
            data = {"start": today.replace(month=1, day=1).isoformat(), "end": today.isoformat()}
        super().__init__(data, **kwargs)

    def clean_start(self):
        start = self.cleaned_data["start"]
        if start < EARLIEST:
            message = _("The statement can start on %(date)s at the earliest.")
            raise forms.ValidationError(message, params={"date": EARLIEST.isoformat()})
        if start > self.today:
            raise forms.ValidationError(_("The start of the period cannot be later than today."))
        return start

    def clean_end(self):
        end = self.cleaned_data["end"]
        if end > self.today:
            raise forms.ValidationError(_("The end of the period cannot be later than today."))
        return end

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if start > end:
                self.add_error("end", _("The end of the period cannot be earlier than its start."))
            elif _add_years(start, MAX_YEARS) <= end:
                message = ngettext_lazy(
                    "A statement covers at most %(years)d year.",
                    "A statement covers at most %(years)d years.",
                    "years",
                )
                self.add_error("end", forms.ValidationError(message, params={"years": MAX_YEARS}))
        return cleaned


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February, in a year that has none
        return day.replace(year=day.year + years, day=28)
