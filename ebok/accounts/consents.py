"""Consents given at registration: the texts, their versions, and the record of each one given.

The version names the wording: change E_INVOICE_CONSENT_VERSION whenever E_INVOICE_CONSENT_TEXT
changes, in either language, so that every stored consent still says which text was agreed to.
The terms of service are a document (ebok.content.models.Document, kind "terms", for all
customers); acceptance is recorded with that document's id and date.
"""

from django.utils.translation import gettext_lazy as _

from ebok.accounts.models import Consent
from ebok.content.models import Document

E_INVOICE_CONSENT_VERSION = "e-invoice-2026-11"
E_INVOICE_CONSENT_TEXT = _(
    "I agree to receive my invoices electronically (e-faktura) at the e-mail address above "
    "instead of on paper."
)

NO_TERMS_VERSION = "no terms document published"


def current_terms() -> Document | None:
    """The general terms of service in force: the newest published one for all customers."""
    return (
        Document.objects.published()
        .filter(customer__isnull=True, kind=Document.Kind.TERMS)
        .order_by("-date", "-published_from", "-id")
        .first()
    )


def terms_version(document: Document | None) -> str:
    if document is None:
        return NO_TERMS_VERSION
    return f"document {document.pk} of {document.date:%Y-%m-%d}"


def record_consents(
    customer, *, terms: Document | None, e_invoice: bool, ip_address: str | None
) -> None:
    """The terms were accepted (the form requires it); the e-invoice consent only if ticked."""
    Consent.objects.create(
        customer=customer,
        customer_number=customer.number,
        kind=Consent.Kind.TERMS,
        version=terms_version(terms),
        ip_address=ip_address,
    )
    if e_invoice:
        Consent.objects.create(
            customer=customer,
            customer_number=customer.number,
            kind=Consent.Kind.E_INVOICE,
            version=E_INVOICE_CONSENT_VERSION,
            ip_address=ip_address,
        )
