"""Invoice PDFs, and withdrawing what the billing system cancelled."""

from ninja import Path, Router, Status

from ebok.accounts import memberships
from ebok.accounts.models import Membership
from ebok.billing.models import Invoice, Payment
from ebok.content.models import Document
from ebok.integration.errors import BatchRejected, RecordError
from ebok.integration.schemas.batches import Counts, Message, Rejection
from ebok.integration.schemas.types import EXTERNAL_ID_PATTERN
from ebok.integration.security import note_records
from ebok.integration.services import files
from ebok.integration.services.withdrawals import store_invoice_pdf, withdraw

router = Router(tags=["push"])

ExternalIdInPath = Path(..., pattern=EXTERNAL_ID_PATTERN, description="The billing system's id.")
GONE = {204: None, 401: Message, 404: Message, 422: Rejection}
PDF_BODY = {
    "requestBody": {
        "required": True,
        "description": "The PDF itself (not base64), at most API_MAX_BODY_BYTES.",
        "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.put(
    "/invoices/{external_id}/pdf",
    response={200: Counts, 401: Message, 404: Message, 413: Message, 422: Rejection},
    summary="Upload the invoice's original PDF",
    openapi_extra=PDF_BODY,
)
def put_invoice_pdf(request, external_id: str = ExternalIdInPath):
    content = request.body
    if not files.is_pdf(content):
        message = "Not a PDF: the body must start with %PDF-."
        raise BatchRejected([RecordError(None, None, "body", message)])
    note_records(request, 1)
    return store_invoice_pdf(external_id, content)


@router.delete("/invoices/{external_id}", response=GONE, summary="Withdraw an invoice")
def delete_invoice(request, external_id: str = ExternalIdInPath):
    withdraw(Invoice, external_id, label="invoice", file_field="pdf")
    note_records(request, 1)
    return Status(204, None)


@router.delete("/payments/{external_id}", response=GONE, summary="Withdraw a payment")
def delete_payment(request, external_id: str = ExternalIdInPath):
    withdraw(Payment, external_id, label="payment")
    note_records(request, 1)
    return Status(204, None)


@router.delete("/documents/{external_id}", response=GONE, summary="Withdraw a document")
def delete_document(request, external_id: str = ExternalIdInPath):
    withdraw(Document, external_id, label="document", file_field="file")
    note_records(request, 1)
    return Status(204, None)


@router.delete(
    "/memberships/{external_id}",
    response=GONE,
    summary="Withdraw a login's access to a customer number",
    description="Only a membership pushed with this external_id; the number's e-mail on file is "
    "told. The login's open sessions lose the number at their next request.",
)
def delete_membership(request, external_id: str = ExternalIdInPath):
    def announce(membership):
        memberships.revoked(membership, request=request, api_token=request.auth)

    withdraw(Membership, external_id, label="membership", announce=announce)
    note_records(request, 1)
    return Status(204, None)
