from django.contrib import messages
from django.db.models import F, OuterRef, Prefetch, Subquery, Window
from django.db.models.functions import Lag
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from ebok.accounts.decorators import customer_required
from ebok.customers.models import Meter, Reading
from ebok.customers.readings import record_submission
from ebok.portal.forms import ReadingForm
from ebok.portal.paging import page_of
from ebok.portal.scope import CustomerScope


def _with_last_reading(meters):
    last = Reading.objects.filter(meter=OuterRef("pk")).order_by("-read_on", "-id")
    return meters.annotate(
        last_read_on=Subquery(last.values("read_on")[:1]),
        last_value=Subquery(last.values("value")[:1]),
    )


@customer_required
def meter_list_view(request):
    """ "Punkty/liczniki": the service points with their meters and each one's last reading."""
    # Meters in use first, then the removed ones, the latest removal first. The NULL placement
    # is spelled out: PostgreSQL and SQLite would each put "not removed" at a different end.
    in_use_first = F("removed_on").desc(nulls_first=True)
    meters = _with_last_reading(Meter.objects.order_by(in_use_first, "kind", "serial_number"))
    points = CustomerScope(request.customer).service_points.prefetch_related(
        Prefetch("meters", queryset=meters)
    )
    return render(request, "portal/meters.html", {"points": points})


def with_consumption(readings):
    """Each reading with the consumption since the meter's previous reading (None for the first)."""
    previous = Window(Lag("value"), partition_by=[F("meter_id")], order_by=[F("read_on"), F("id")])
    return readings.annotate(previous_value=previous).annotate(
        consumption=F("value") - F("previous_value")
    )


@customer_required
def meter_detail_view(request, pk):
    """A meter's readings, and the form to submit one ("samoodczyt")."""
    scope = CustomerScope(request.customer)
    meter = get_object_or_404(scope.meters.select_related("service_point"), pk=pk)
    form = ReadingForm(meter, request.POST or None)
    if request.method == "POST" and form.is_valid():
        reading = record_submission(meter, form.submitted())
        messages.success(
            request,
            _("Thank you. Your reading of %(value)s m³ on %(date)s has been recorded.")
            % {"value": number_format(reading.value, 3), "date": date_format(reading.read_on)},
        )
        return redirect("portal:meter", pk=meter.pk)
    readings = with_consumption(meter.readings.all()).order_by("-read_on", "-id")
    context = {"meter": meter, "page": page_of(request, readings), "form": form}
    return render(request, "portal/meter_detail.html", context)
