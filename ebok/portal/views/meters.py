from django.contrib import messages
from django.db.models import (
    BooleanField,
    Case,
    DecimalField,
    F,
    Value,
    When,
    Window,
)
from django.db.models.functions import Lag
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ebok.accounts.decorators import customer_required
from ebok.customers.charts import panel
from ebok.customers.consumption import monthly
from ebok.customers.models import Reading
from ebok.customers.readings import reading_guide, record_submission, register_limit
from ebok.customers.volumes import volume
from ebok.portal.forms import ReadingForm
from ebok.portal.paging import page_of
from ebok.portal.scope import CustomerScope


def total_use(meters, today):
    """The customer's main meters' use by month, for the meters tab and "Strona główna"."""
    _series, total = monthly(meters, today, _("All main meters"))
    return panel(total, "total")


@customer_required
def meter_list_view(request):
    """ "Punkty/liczniki": the service points with their meters and each one's last reading."""
    scope = CustomerScope(request.customer)
    meters = scope.meters_with_last_reading()
    points = scope.points_with_open_leak_warning()
    for point in points:
        point.meter_list = [meter for meter in meters if meter.service_point_id == point.pk]
    context = {"points": points, "use": total_use(meters, timezone.localdate())}
    return render(request, "portal/meters.html", context)


def with_consumption(readings, meter):
    """Each reading of the meter with the consumption since its previous one (None for the
    first); a lower value is the register rolling over when the meter's digits are known.
    Readings the office rejected are shown, but the next one's use runs from the last reading
    that counts: rejected ones form a partition of their own."""
    rejected = Case(
        When(review=Reading.Review.REJECTED, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    previous = Window(
        Lag("value"), partition_by=[F("meter_id"), rejected], order_by=[F("read_on"), F("id")]
    )
    used = F("value") - F("previous_value")
    limit = register_limit(meter)
    if limit is not None:
        used = Case(When(value__lt=F("previous_value"), then=used + limit), default=used)
    # A rejected reading measures nothing: no use to it, nor from it (its own partition).
    used = Case(
        When(review=Reading.Review.REJECTED, then=Value(None)),
        default=used,
        output_field=DecimalField(max_digits=12, decimal_places=3),
    )
    return readings.annotate(previous_value=previous).annotate(consumption=used)


@customer_required
def meter_detail_view(request, pk):
    """A meter's readings, and the form to submit one ("samoodczyt")."""
    scope = CustomerScope(request.customer)
    meter = get_object_or_404(scope.meters.select_related("service_point"), pk=pk)
    form = ReadingForm(meter, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        reading = record_submission(
            meter,
            form.submitted(),
            confirmed=form.confirmed,
            photo=form.cleaned_data["photo"],
            request=request,
        )
        text = _("Thank you. Your reading of %(value)s m³ on %(date)s has been recorded.") % {
            "value": volume(reading.value),
            "date": date_format(reading.read_on),
        }
        if reading.needs_review:
            text += " " + _("The customer office will check it because it is far above usual.")
        messages.success(request, text)
        return redirect("portal:meter", pk=meter.pk)
    readings = with_consumption(meter.readings.all(), meter).order_by("-read_on", "-id")
    context = {
        "meter": meter,
        "page": page_of(request, readings),
        "form": form,
        "guide": reading_guide(meter, timezone.localdate()),
        "use": panel(monthly([meter], timezone.localdate(), "")[0][0], "meter"),
    }
    return render(request, "portal/meter_detail.html", context)
