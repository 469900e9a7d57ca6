"""Consents: the texts, their versions, and the record of each one given or withdrawn.

The version names the wording: change E_INVOICE_CONSENT_VERSION whenever E_INVOICE_CONSENT_TEXT
changes, in either language, so that every stored consent still says which text was agreed to.
The terms of service are a document (ebok.content.models.Document, kind "terms", for all
customers); acceptance is recorded with that document's id and date.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ebok.accounts.models import AccountChange, Consent
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.content.models import Document
from ebok.core.middleware import client_ip
from ebok.notifications.notices import notify

E_INVOICE_CONSENT_VERSION = "e-invoice-2026-11"
E_INVOICE_CONSENT_TEXT = _(
    "I agree to receive my invoices electronically (e-faktura) at the e-mail address above "
    "instead of on paper."
)

# Every version ever shown, so that the history says which text was agreed to.
E_INVOICE_CONSENT_TEXTS = {E_INVOICE_CONSENT_VERSION: E_INVOICE_CONSENT_TEXT}

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


def latest(customer, kind) -> Consent | None:
    """The consent of that kind in force: the newest row, given or withdrawn."""
    return Consent.objects.filter(customer=customer, kind=kind).first()


def e_invoice_in_force(customer) -> Consent | None:
    """The e-invoice consent row that is in force now, or None (paper invoices)."""
    consent = latest(customer, Consent.Kind.E_INVOICE)
    return consent if consent is not None and consent.given else None


def set_e_invoice(customer, give: bool, *, request) -> bool:
    """Give (with the current text) or withdraw the e-invoice consent. False: nothing changed."""
    with transaction.atomic():
        # Locks the customer so that two clicks at once record one change, not two.
        type(customer).objects.select_for_update().filter(pk=customer.pk).first()
        current = latest(customer, Consent.Kind.E_INVOICE)
        if (current is not None and current.given) == give:
            return False
        version = E_INVOICE_CONSENT_VERSION if give else (current.version if current else "")
        consent = Consent.objects.create(
            customer=customer,
            customer_number=customer.number,
            kind=Consent.Kind.E_INVOICE,
            version=version,
            given=give,
            ip_address=client_ip(request),
            username=request.user.username,
        )
        AccountChange.objects.create(
            customer=customer,
            customer_number=customer.number,
            kind=AccountChange.Kind.E_INVOICE,
            value={"given": give, "version": version, "at": consent.given_at.isoformat()},
        )
        kind = AuditEvent.Kind.CONSENT_GIVEN if give else AuditEvent.Kind.CONSENT_WITHDRAWN
        record(kind, request=request, customer=customer, detail=f"e-invoice, {version}")
    notify("consent_changed", customer, {"given": give})
    return True
