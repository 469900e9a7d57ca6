from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ebok.accounts.decorators import customer_required
from ebok.billing.balance import balance, invoice_state, with_running_totals
from ebok.billing.pdf import render_invoice_pdf
from ebok.portal.paging import page_of
from ebok.portal.scope import CustomerScope


def _counts_by_year(scope) -> dict[int, int]:
    """How many invoices each year has, newest year first: the year filter's options and the
    paginator's count in one query."""
    rows = (
        scope.invoices.order_by()
        .values(year=ExtractYear("issued_on"))
        .annotate(count=Count("pk"))
        .order_by("-year")
    )
    return {row["year"]: row["count"] for row in rows}


@customer_required
def invoice_list_view(request):
    """ "Faktury/naliczenia": newest first, by year, with what is left to pay on each."""
    scope = CustomerScope(request.customer)
    counts = _counts_by_year(scope)
    years = list(counts)
    invoices = scope.invoices
    count = sum(counts.values())
    year = request.GET.get("year", "")
    if year:
        if not year.isdigit() or int(year) not in years:
            raise Http404
        invoices = invoices.filter(issued_on__year=int(year))
        count = counts[int(year)]
    page = page_of(request, with_running_totals(invoices), count=count)
    current = balance(request.customer)
    rows = [(invoice, invoice_state(invoice, current.settled)) for invoice in page]
    context = {"page": page, "rows": rows, "years": years, "year": year, "balance": current}
    return render(request, "portal/invoices.html", context)


@customer_required
def invoice_detail_view(request, pk):
    scope = CustomerScope(request.customer)
    invoice = get_object_or_404(with_running_totals(scope.invoices), pk=pk)
    current = balance(request.customer)
    context = {
        "invoice": invoice,
        "balance": current,
        "state": invoice_state(invoice, current.settled),
        "lines": invoice.lines.select_related("service_point"),
    }
    return render(request, "portal/invoice_detail.html", context)


@customer_required
def invoice_pdf_view(request, pk):
    """The billing system's PDF when it sent one, else a copy generated here (marked as such)."""
    invoice = get_object_or_404(CustomerScope(request.customer).invoices, pk=pk)
    filename = f"{slugify(invoice.number) or 'invoice'}.pdf"
    if invoice.pdf:
        return FileResponse(
            invoice.pdf.open("rb"), filename=filename, content_type="application/pdf"
        )
    response = HttpResponse(render_invoice_pdf(invoice), content_type="application/pdf")
    copy_name = _("copy") + "-" + filename
    response["Content-Disposition"] = f'inline; filename="{copy_name}"'
    return response
