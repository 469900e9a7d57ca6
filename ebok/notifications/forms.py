from django import forms
from django.utils.translation import gettext_lazy as _

from ebok.notifications.events import choosable
from ebok.notifications.models import Channel, Recipient


def field_name(event_key: str, channel: str) -> str:
    return f"{event_key}__{channel}"


class PreferencesForm(forms.Form):
    """One checkbox per event and channel, and the language of the notices."""

    language = forms.ChoiceField(
        label=_("Language of notices"),
        choices=Recipient._meta.get_field("language").choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, choices: dict, language: str, **kwargs):
        super().__init__(*args, initial={"language": language}, **kwargs)
        for event in choosable():
            for channel in event.channels:
                self.fields[field_name(event.key, channel)] = forms.BooleanField(
                    label=f"{event.label}: {Channel(channel).label}",
                    required=False,
                    initial=choices[(event.key, channel)],
                )

    def rows(self):
        """The table: each event with its field per channel (None where it has none)."""
        for event in choosable():
            cells = [
                self[field_name(event.key, channel)] if channel in event.defaults else None
                for channel in Channel.values
            ]
            yield event, cells
