from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ebok.accounts.decorators import customer_required
from ebok.customers.charts import panel
from ebok.customers.consumption import meter_series, total_series
from ebok.customers.reading_list import readings_with_use
from ebok.customers.readings import reading_guide, record_submission
from ebok.customers.volumes import volume
from ebok.portal.forms import ReadingForm
from ebok.portal.paging import page_read_by
from ebok.portal.scope import CustomerScope


def total_use(meters, today):
    """The customer's main meters' use by month, for the meters tab and "Strona główna"."""
    return panel(total_series(meters, today, _("All main meters")), "total")


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


@customer_required
def meter_detail_view(request, pk):
    """A meter's use by month and its readings, with a link to submit one."""
    scope = CustomerScope(request.customer)
    meter = scope.meter_with_point(pk)
    if meter is None:
        raise Http404
    if request.method == "POST":
        # The reading form was on this page once: a form sent from a page opened before is
        # sent on, with its data, rather than lost.
        return HttpResponseRedirect(reverse("portal:meter_reading", args=[meter.pk]), status=307)
    context = {
        "meter": meter,
        "page": page_read_by(
            request,
            lambda bottom, size: readings_with_use(
                meter, newest_first=True, bottom=bottom, size=size
            ),
        ),
        "use": panel(meter_series(meter, timezone.localdate()), "meter"),
    }
    return render(request, "portal/meter_detail.html", context)


@customer_required
def meter_reading_view(request, pk):
    """ "Podaj odczyt": the form to submit a meter's reading ("samoodczyt"), with what the
    reading is likely to be; a recorded reading is shown on the meter's page."""
    scope = CustomerScope(request.customer)
    meter = scope.meter_with_point(pk)
    if meter is None:
        raise Http404
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
    context = {
        "meter": meter,
        "form": form,
        "guide": reading_guide(meter, timezone.localdate()),
    }
    return render(request, "portal/meter_reading.html", context)
