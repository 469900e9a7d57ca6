"""Readings that customers submit themselves ("samoodczyt"): the rules a value must meet."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ebok.customers.models import Reading

# A self-reading may be dated this many days back at most; older ones go through the office.
MAX_AGE_DAYS = 31


@dataclass(frozen=True)
class SubmittedReading:
    read_on: date
    value: Decimal


def check(meter, submitted: SubmittedReading, today: date | None = None) -> None:
    """Raise ValidationError (field: message) unless the customer may record this reading."""
    today = today or timezone.localdate()
    if meter.removed_on is not None:
        raise ValidationError(_("This meter has been removed; its readings are closed."))
    if submitted.read_on > today:
        raise ValidationError({"read_on": _("The reading date cannot be in the future.")})
    if (today - submitted.read_on).days > MAX_AGE_DAYS:
        raise ValidationError(
            {"read_on": _("A reading may be at most %(days)d days old.") % {"days": MAX_AGE_DAYS}}
        )
    previous = (
        meter.readings.filter(read_on__lte=submitted.read_on)
        .exclude(source=Reading.Source.CUSTOMER, read_on=submitted.read_on)
        .order_by("-read_on", "-id")
        .first()
    )
    if previous is not None and submitted.value < previous.value:
        raise ValidationError(
            {
                "value": _(
                    "The value cannot be lower than the previous reading: %(value)s m³ on %(date)s."
                )
                % {
                    "value": formats.number_format(previous.value, 3, use_l10n=True),
                    "date": formats.date_format(previous.read_on),
                }
            }
        )
    later = meter.readings.filter(read_on__gt=submitted.read_on).order_by("read_on").first()
    if later is not None and submitted.value > later.value:
        raise ValidationError(
            {"read_on": _("There is a later reading with a lower value; check the date.")}
        )


@transaction.atomic
def record_submission(meter, submitted: SubmittedReading) -> Reading:
    """Store the customer's reading; a second one on the same day replaces the first."""
    check(meter, submitted)
    reading, _created = Reading.objects.update_or_create(
        meter=meter,
        read_on=submitted.read_on,
        source=Reading.Source.CUSTOMER,
        defaults={"value": submitted.value},
    )
    return reading
