"""The account statement ("Zestawienie rozliczeń") of a chosen period: a page, a PDF, a CSV.

One address for the three: ?start=…&end=… shows the page, and format=pdf or format=csv downloads
the same statement; a period that does not pass gives the page with the form's messages and
what was typed, whichever was asked for.
"""

import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ebok.accounts.decorators import customer_required
from ebok.billing.forms import StatementForm
from ebok.billing.statement import headings, statement, summary
from ebok.billing.statement_pdf import render_statement_pdf
from ebok.portal.scope import CustomerScope


def _file_name(customer, result, extension: str) -> str:
    words = {
        "number": customer.number,
        "start": result.start.isoformat(),
        "end": result.end.isoformat(),
    }
    return _("statement-%(number)s-%(start)s-%(end)s") % words + "." + extension


def _amount(value) -> str:
    """For a spreadsheet: no thousands separator, the active language's decimal mark."""
    return "" if value is None else number_format(value, 2, use_l10n=True, force_grouping=False)


# A cell a spreadsheet would read as a formula. Payment titles are typed by whoever paid, so
# such a text is kept as text with an apostrophe in front (OWASP's advice on CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _csv(customer, result) -> HttpResponse:
    """Semicolons and decimal commas in Polish, as a Polish spreadsheet opens a file without
    asking; commas and points in English. UTF-8 with a byte order mark, so that Polish letters
    survive a double click in Excel. The summary's four figures come first, then the entries."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = _file_name(customer, result, "csv")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")
    delimiter = ";" if translation.get_language() == "pl" else ","
    writer = csv.writer(response, delimiter=delimiter)
    for label, amount in summary(result):
        writer.writerow([label, _amount(amount)])
    writer.writerow([])
    writer.writerow(headings())
    for entry in result.entries:
        writer.writerow(
            [
                entry.day.isoformat(),
                _text(entry.kind),
                _text(entry.document),
                _amount(entry.charge),
                _amount(entry.credit),
                _amount(entry.balance),
            ]
        )
    return response


@customer_required
def statement_view(request):
    customer = request.customer
    form = StatementForm(request.GET)
    result = None
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        result = statement(CustomerScope(customer), start, end)
        wanted = request.GET.get("format", "")
        if wanted == "pdf":
            response = HttpResponse(
                render_statement_pdf(customer, result), content_type="application/pdf"
            )
            name = _file_name(customer, result, "pdf")
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        if wanted == "csv":
            return _csv(customer, result)
    context = {
        "form": form,
        "statement": result,
        "summary": summary(result) if result else [],
        "headings": headings(),
    }
    return render(request, "portal/statement.html", context)
