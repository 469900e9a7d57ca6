"""The office's forms for a case: assign, answer (from a template), note, status."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from ebok.cases.forms import AttachmentsField, _body_field
from ebok.cases.models import AnswerTemplate, Case


def staff_choices():
    return get_user_model().objects.filter(is_staff=True, is_active=True).order_by("username")


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assigned to"), queryset=staff_choices(), required=False, empty_label=_("nobody")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff_choices()


class AnswerForm(forms.Form):
    body = _body_field(_("Answer to the customer"))
    status = forms.ChoiceField(
        label=_("Status after the answer"), choices=Case.Status.choices, required=False
    )
    attachments = AttachmentsField(label=_("Attachments"))


class NoteForm(forms.Form):
    body = _body_field(_("Internal note (the customer does not see it)"))


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Case.Status.choices)


def template_text(template_id) -> str:
    """The text of the answer template chosen (by ?template=), or nothing."""
    if not str(template_id or "").isdigit():
        return ""
    template = AnswerTemplate.objects.filter(pk=template_id).first()
    return template.body if template else ""
