import os

from django.http import FileResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from ebok.accounts.decorators import customer_required
from ebok.portal.paging import page_of
from ebok.portal.scope import CustomerScope


@customer_required
def document_list_view(request):
    """ "Dokumenty": the customer's own documents and those for all customers."""
    documents = CustomerScope(request.customer).documents
    return render(request, "portal/documents.html", {"page": page_of(request, documents)})


@customer_required
def document_download_view(request, pk):
    document = get_object_or_404(CustomerScope(request.customer).documents, pk=pk)
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=slugify(document.title) + os.path.splitext(document.file.name)[1],
    )
