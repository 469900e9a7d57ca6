from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ebok.accounts.decorators import customer_required
from ebok.billing.balance import balance, invoice_states
from ebok.billing.downloads import file_name, invoices_zip, open_stored
from ebok.billing.pdf import render_invoice_pdf
from ebok.portal.paging import page_of
from ebok.portal.scope import CustomerScope


@customer_required
def invoice_list_view(request):
    """ "Faktury/naliczenia": newest first, by year, with what is left to pay on each."""
    scope = CustomerScope(request.customer)
    counts = scope.invoice_counts_by_year()
    years = list(counts)
    invoices = scope.invoices
    count = sum(counts.values())
    year = request.GET.get("year", "")
    if year:
        if not year.isdigit() or int(year) not in years:
            raise Http404
        invoices = invoices.filter(issued_on__year=int(year))
        count = counts[int(year)]
    page = page_of(request, invoices, count=count)
    current = balance(request.customer)
    on_page = list(page)
    rows = list(zip(on_page, invoice_states(request.customer, on_page, current), strict=True))
    context = {"page": page, "rows": rows, "years": years, "year": year, "balance": current}
    return render(request, "portal/invoices.html", context)


@customer_required
def invoice_detail_view(request, pk):
    # What is left to pay as the list finds it (its running total, one short query written
    # as SQL): with_running_totals' subquery in the invoice's own query saved that round trip
    # but cost the app four times as much to build.
    scope = CustomerScope(request.customer)
    invoice = get_object_or_404(scope.invoices, pk=pk)
    current = balance(request.customer)
    context = {
        "invoice": invoice,
        "balance": current,
        "state": invoice_states(request.customer, [invoice], current)[0],
        # In the order the billing system sent them (the model's order joins the invoice).
        "lines": list(invoice.lines.select_related("service_point").order_by("id")),
    }
    return render(request, "portal/invoice_detail.html", context)


@customer_required
def invoice_pdf_view(request, pk):
    """The billing system's PDF when it sent one, else a copy generated here (marked as such)."""
    invoice = get_object_or_404(CustomerScope(request.customer).invoices, pk=pk)
    stored = open_stored(invoice)
    if stored is not None:
        return FileResponse(
            stored,
            filename=file_name(invoice, copy=False),
            content_type="application/pdf",
        )
    response = HttpResponse(render_invoice_pdf(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{file_name(invoice, copy=True)}"'
    return response


# A selection comes from one page of the list; far more ids than that is not a customer's.
MAX_PICKED = 500


@customer_required
def invoice_zip_view(request):
    """The PDFs of a year's invoices, or of the invoices ticked on the list, as one ZIP.

    The invoices are checked against the customer's scope here, before anything is sent: an id
    that is not the customer's gives 404. The ZIP itself is streamed (ebok/billing/downloads.py).
    """
    invoices = CustomerScope(request.customer).invoices.order_by("issued_on", "id")
    number = request.customer.number
    picked, year = request.GET.getlist("invoice"), request.GET.get("year", "")
    if picked:
        if len(picked) > MAX_PICKED:
            raise SuspiciousOperation("too many invoices picked")
        if not all(pk.isdigit() for pk in picked):
            raise Http404
        wanted = {int(pk) for pk in picked}
        ids = list(invoices.filter(pk__in=wanted).values_list("pk", flat=True))
        if len(ids) != len(wanted):
            raise Http404
        name = _("invoices-%(number)s-selected.zip") % {"number": number}
    elif year:
        if not year.isdigit():
            raise Http404
        ids = list(invoices.filter(issued_on__year=int(year)).values_list("pk", flat=True))
        if not ids:
            raise Http404
        name = _("invoices-%(number)s-%(year)s.zip") % {"number": number, "year": year}
    else:
        messages.error(request, _("Tick the invoices to download, or choose a year."))
        return redirect("portal:invoices")
    response = StreamingHttpResponse(invoices_zip(ids), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
