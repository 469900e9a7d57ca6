"""The customer's forms: a new case (its fields depend on the case type) and a reply."""

import datetime as dt
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ebok.billing.accounts import is_valid_nrb
from ebok.cases.models import CaseType, ContractMatter
from ebok.cases.services import Filing
from ebok.cases.uploads import check
from ebok.core.forms import Form
from ebok.customers.volumes import volume

MAX_FILES = 5
BODY_MAX = 5000
# A reading dispute is about a recent reading; older ones go through the office by phone.
DISPUTED_READINGS_DAYS = 730


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files in one field (Django's documented pattern); each one checked by content."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data or []) if upload]
        if len(uploads) > MAX_FILES:
            raise ValidationError(
                _("At most %(n)d files can be attached to one message.") % {"n": MAX_FILES}
            )
        checked, errors = [], []
        for upload in uploads:
            try:
                checked.append(check(upload))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return checked


def _attachments_field():
    return AttachmentsField(
        label=_("Attachments"),
        help_text=_("PDF, JPEG or PNG, up to %(n)d files.") % {"n": MAX_FILES},
    )


def _body_field(label):
    return forms.CharField(
        label=label,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write your message: it cannot be empty.")},
    )


class ReadingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, reading):
        value = volume(reading.value)
        return f"{reading.meter.serial_number}: {date_format(reading.read_on)}, {value} m³"


class InvoiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, invoice):
        return f"{invoice.number} ({date_format(invoice.issued_on)})"


class NewCaseForm(Form):
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        error_messages={"required": _("Give the case a subject.")},
    )

    def __init__(self, case_type: CaseType, scope, *args, **kwargs):
        kwargs.setdefault("initial", {"idempotency_key": uuid.uuid4()})
        super().__init__(*args, **kwargs)
        self.case_type = case_type
        asks = case_type.asks
        if asks == CaseType.Asks.INVOICE:
            self.fields["invoice"] = InvoiceChoiceField(
                label=_("Invoice"),
                queryset=scope.invoices.order_by("-issued_on", "-id"),
                empty_label=_("Choose the invoice"),
                error_messages={
                    "required": _("Choose the invoice the complaint is about."),
                    "invalid_choice": _("Choose one of your invoices from the list."),
                },
            )
        elif asks == CaseType.Asks.READING:
            since = timezone.localdate() - dt.timedelta(days=DISPUTED_READINGS_DAYS)
            self.fields["reading"] = ReadingChoiceField(
                label=_("Reading"),
                queryset=scope.readings.filter(read_on__gte=since)
                .select_related("meter")
                .order_by("-read_on", "-id"),
                empty_label=_("Choose the reading"),
                error_messages={
                    "required": _("Choose the reading you dispute."),
                    "invalid_choice": _("Choose one of your readings from the list."),
                },
            )
        elif asks == CaseType.Asks.BANK_ACCOUNT:
            self.fields["bank_account"] = forms.CharField(
                label=_("Bank account number for the refund"),
                max_length=40,
                help_text=_("26 digits; spaces are allowed."),
                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
                error_messages={"required": _("Give the account the refund should go to.")},
            )
        elif asks == CaseType.Asks.CONTRACT_MATTER:
            self.fields["contract_matter"] = forms.ChoiceField(
                label=_("What it is about"),
                choices=[("", _("Choose")), *ContractMatter.choices],
                error_messages={"required": _("Choose what the contract matter is.")},
            )
        self.fields["body"] = _body_field(_("Description"))
        if case_type.attachments_allowed:
            self.fields["attachments"] = _attachments_field()

    def clean_bank_account(self):
        value = self.cleaned_data["bank_account"]
        digits = "".join(value.split()).upper().removeprefix("PL")
        if not (len(digits) == 26 and digits.isdigit() and is_valid_nrb(digits)):
            raise ValidationError(
                _("This is not a valid Polish account number: check its 26 digits.")
            )
        return digits

    def filing(self) -> Filing:
        data = self.cleaned_data
        return Filing(
            type=self.case_type,
            subject=data["subject"],
            body=data["body"],
            idempotency_key=data["idempotency_key"],
            invoice=data.get("invoice"),
            reading=data.get("reading"),
            bank_account=data.get("bank_account", ""),
            contract_matter=data.get("contract_matter", ""),
            files=data.get("attachments", []),
        )


class ReplyForm(Form):
    def __init__(self, case, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"] = _body_field(_("Your message"))
        if case.type.attachments_allowed:
            self.fields["attachments"] = _attachments_field()
