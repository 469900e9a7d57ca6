from django.shortcuts import render

from ebok.accounts.decorators import customer_required


@customer_required
def info_view(request):
    return render(request, "portal/info.html", {"customer": request.customer})


def _empty_tab(template):
    """A tab whose data arrives with the billing records: until then it says so plainly."""

    @customer_required
    def view(request):
        return render(request, template)

    return view


invoices_view = _empty_tab("portal/invoices.html")
payments_view = _empty_tab("portal/payments.html")
meters_view = _empty_tab("portal/meters.html")
documents_view = _empty_tab("portal/documents.html")
overview_view = _empty_tab("portal/overview.html")
