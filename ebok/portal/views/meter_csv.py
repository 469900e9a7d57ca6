"""CSV downloads of a meter's readings and of the use by month, for a spreadsheet.

Semicolons and decimal commas in Polish (what a Polish spreadsheet opens without asking),
commas and points in English; UTF-8 with a byte order mark so that "m³" and Polish letters
survive a double click.
"""

import csv

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ebok.accounts.decorators import customer_required
from ebok.customers.consumption import monthly
from ebok.customers.reading_list import readings_with_use
from ebok.customers.volumes import volume
from ebok.portal.scope import CustomerScope


def _csv(filename: str) -> tuple[HttpResponse, object]:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    delimiter = ";" if translation.get_language() == "pl" else ","
    return response, csv.writer(response, delimiter=delimiter)


def _review(reading) -> str:
    """Flagged: "yes" while it waits, then the office's decision."""
    if reading.review:
        return reading.get_review_display()
    return _("yes") if reading.needs_review else ""


@customer_required
def meter_readings_csv_view(request, pk):
    meter = get_object_or_404(CustomerScope(request.customer).meters, pk=pk)
    response, writer = _csv(f"odczyty-{meter.serial_number}.csv")
    writer.writerow(
        [_("Reading date"), _("Value (m³)"), _("Consumption (m³)"), _("Source"), _("needs review")]
    )
    readings, _count = readings_with_use(meter, newest_first=False)
    for reading in readings:
        writer.writerow(
            [
                reading.read_on.isoformat(),
                volume(reading.value),
                volume(reading.consumption),
                reading.get_source_display(),
                _review(reading),
            ]
        )
    return response


@customer_required
def consumption_csv_view(request):
    scope = CustomerScope(request.customer)
    series, total = monthly(scope.meters, timezone.localdate(), _("All main meters"))
    response, writer = _csv(f"zuzycie-{request.customer.number}.csv")
    writer.writerow(
        [_("Meter"), _("Month"), _("Use (m³)"), _("estimated"), _("A year before (m³)")]
    )
    for one in [*series, total]:
        for month in one.months:
            before = month.year_before.used if month.year_before else None
            writer.writerow(
                [
                    one.label,
                    month.start.strftime("%Y-%m"),
                    volume(month.used),
                    _("yes") if month.estimated else "",
                    volume(before),
                ]
            )
    return response
