"""Withdrawals: the billing system cancels an invoice, a payment, a document or a membership.

The row is deleted (an invoice with its charges), so it disappears from the portal and from the
balance; its file goes once the deletion has committed. A withdrawn invoice or payment makes
eBOK forget the customer's pushed balance, which counted it.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from ninja.errors import HttpError

from ebok.billing.models import Invoice, Payment, PushedBalance
from ebok.integration.services import files
from ebok.integration.services.sections import Counts


def withdraw(
    model, external_id: str, *, label: str, file_field: str | None = None, announce=None
) -> None:
    """Delete the row with this external_id (404 without one); announce(row) once it is gone,
    in the same transaction (a membership's withdrawal is audited and told)."""
    with transaction.atomic():
        row = model.objects.select_for_update().filter(external_id=external_id).first()
        if row is None:
            raise HttpError(404, f"No {label} with external_id {external_id!r}.")
        names = []
        if file_field and getattr(row, file_field):
            names.append(getattr(row, file_field).name)
        row.delete()
        if model in (Invoice, Payment):
            PushedBalance.objects.filter(customer_id=row.customer_id).delete()
        if announce is not None:
            announce(row)
        if file_field:
            files.delete_after_commit(model._meta.get_field(file_field).storage, names)


def store_invoice_pdf(external_id: str, content: bytes) -> Counts:
    """The invoice's original PDF from the billing system, in place of eBOK's generated copy."""
    with transaction.atomic():
        invoice = Invoice.objects.select_for_update().filter(external_id=external_id).first()
        if invoice is None:
            raise HttpError(404, f"No invoice with external_id {external_id!r}.")
        if files.same_content(invoice.pdf, content):
            return Counts(unchanged=1)
        old = invoice.pdf.name if invoice.pdf else None
        with files.NewFiles() as new_files:
            name = f"{slugify(invoice.number) or 'invoice'}.pdf"
            new_files.save(invoice.pdf, name, ContentFile(content))
            invoice.save(update_fields=["pdf"])
        files.delete_after_commit(invoice.pdf.storage, [old])
        return Counts(updated=1) if old else Counts(created=1)
