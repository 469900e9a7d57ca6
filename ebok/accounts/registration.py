"""Self-registration: a customer proves who they are with the data of one recent invoice.

The rules (docs/security.md, "Registration"):

- Proof: the customer number, and the number and gross amount of an invoice issued to that
  customer within the last 365 days (by the date in Warsaw). One query decides, whether or not
  the number exists, so an unknown number and wrong invoice data cost the same.
- A mismatch counts as a failed login for the number and the client address (ebok.accounts.
  throttle), so invoice data cannot be guessed faster than a password.
- Every answer after a valid form is the same page, and the request does the same work whatever
  the outcome: the rest, and every e-mail, is done by a background task (complete()).
- A paper invoice never takes over an account: when the customer has a password of their own,
  nothing of the account changes; a note goes to the e-mail on file (none without one), never to
  the address typed. Otherwise the address typed is used only once its owner opens a one-time
  link (ebok.accounts.confirmations), unless it already is the address on file; then a temporary
  password goes to it.
"""

import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ebok.accounts import confirmations, throttle
from ebok.accounts.consents import record_consents
from ebok.accounts.models import EmailConfirmation
from ebok.accounts.services import issue_temporary_password
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.billing.models import Invoice
from ebok.content.models import Document
from ebok.core.middleware import client_address
from ebok.core.origin import Origin
from ebok.notifications.emails import send_to_customer
from ebok.notifications.notices import notify

INVOICE_MAX_AGE_DAYS = 365

# Spaces of any kind group thousands ("1 234,56", also the no-break spaces of a PDF copy).
_SPACES = re.compile(r"[\s\u00a0\u202f']")
_CURRENCY = re.compile(r"(zł|zl|pln)\.?$", re.IGNORECASE)
_AMOUNT = re.compile(r"^-?[0-9]{1,10}(\.[0-9]{1,2})?$")


def parse_amount(text: str) -> Decimal | None:
    """An amount as people type it: "60,00", "60.00", "1 234,56", "1.234,56", "60 zł".

    None when it cannot be read for certain, e.g. "1,234" (three decimals): asking again is
    better than guessing which separator was meant.
    """
    value = _SPACES.sub("", _CURRENCY.sub("", (text or "").strip()))
    if "," in value and "." in value:
        # Both: the last one separates the grosze, the other one only groups thousands.
        decimal_mark = "," if value.rfind(",") > value.rfind(".") else "."
        thousands_mark = "." if decimal_mark == "," else ","
        whole, _, fraction = value.rpartition(decimal_mark)
        if decimal_mark in whole:
            return None
        value = whole.replace(thousands_mark, "") + "." + fraction
    else:
        value = value.replace(",", ".")
    if not _AMOUNT.match(value):
        return None
    try:
        return Decimal(value).quantize(Decimal("0.01"))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None


def normalize_invoice_number(raw: str) -> str:
    return " ".join((raw or "").split())


@dataclass(frozen=True)
class Application:
    """What the registration form gives, cleaned."""

    customer_number: str
    invoice_number: str
    gross: Decimal
    email: str
    e_invoice: bool


def matching_invoice(application: Application) -> Invoice | None:
    """The recent invoice that proves the application, with its customer; one query either way."""
    today = timezone.localdate()
    return (
        Invoice.objects.select_related("customer")
        .filter(
            customer__number=application.customer_number,
            number__iexact=application.invoice_number,
            gross=application.gross,
            issued_on__gte=today - timedelta(days=INVOICE_MAX_AGE_DAYS),
            issued_on__lte=today,
        )
        .first()
    )


def register(application: Application, *, terms, request) -> int:
    """Handle a valid registration form. Returns 0, or the seconds to wait when throttled.

    Whatever happened, the caller answers the same.
    """
    from ebok.accounts.tasks import complete_registration

    number = application.customer_number
    try:
        attempt = throttle.for_login(number, client_address(request))
    except throttle.Throttled as refused:
        record(AuditEvent.Kind.REGISTRATION_THROTTLED, request=request, customer_number=number)
        return refused.seconds
    record(
        AuditEvent.Kind.REGISTRATION_REQUESTED,
        request=request,
        customer_number=number,
        detail=f"invoice {application.invoice_number}, e-mail {application.email}",
    )
    invoice = matching_invoice(application)
    if invoice is None:
        attempt.failed()
    else:
        # The invoice proves the customer, but says nothing of their password: nothing to clear.
        attempt.released()
    complete_registration.enqueue(
        invoice_id=invoice.pk if invoice else None,
        customer_number=number,
        email=application.email,
        e_invoice=application.e_invoice,
        terms_id=terms.pk if terms else None,
        origin=Origin.of(request).as_dict(),
    )
    return 0


def _account(customer):
    return get_user_model().objects.filter(customer=customer).first()


def complete(*, invoice_id, customer_number, email, e_invoice, terms_id, origin: Origin) -> None:
    """The registration's outcome, in the background: e-mails, confirmations, audit."""
    if invoice_id is None:
        record(
            AuditEvent.Kind.REGISTRATION_REFUSED,
            origin=origin,
            customer_number=customer_number,
            detail="no matching invoice",
        )
        return
    customer = Invoice.objects.select_related("customer").get(pk=invoice_id).customer
    user = _account(customer)
    if user is not None and not user.is_active:
        # Staff turned this account off; registering must not turn it on. The office decides.
        record(
            AuditEvent.Kind.REGISTRATION_REFUSED,
            origin=origin,
            customer=customer,
            detail="account disabled",
        )
        return
    if user is not None and user.has_own_password:
        # Nothing changes; the owner hears of it at the address on file, never at the one typed.
        told = notify(
            "registration_account_exists",
            customer,
            {
                "login_url": origin.url(reverse("accounts:login")),
                "forgotten_url": origin.url(reverse("accounts:password_forgotten")),
            },
        )
        record(
            AuditEvent.Kind.REGISTRATION_REFUSED,
            origin=origin,
            customer=customer,
            detail=f"has own password; address typed {email} not used; "
            + ("owner told at the e-mail on file" if told else "no e-mail on file"),
        )
        return
    details = {"e_invoice": e_invoice, "terms_id": terms_id}
    if customer.email and customer.email.casefold() == email.casefold():
        _issue_password(customer, details, origin=origin)
    else:
        confirmations.start(
            customer,
            email,
            EmailConfirmation.Purpose.REGISTRATION,
            origin=origin,
            details=details,
        )


def may_finish(customer) -> bool:
    """Whether a registration confirmed now may still go on (nobody set a password meanwhile)."""
    user = _account(customer)
    return user is None or (user.is_active and not user.has_own_password)


def finish(confirmation: EmailConfirmation, *, request) -> None:
    """The address typed at registration is confirmed (and now on file): the password follows."""
    _issue_password(confirmation.customer, confirmation.details, origin=Origin.of(request))


@transaction.atomic
def _issue_password(customer, details: dict, *, origin: Origin) -> None:
    terms = Document.objects.filter(pk=details.get("terms_id")).first()
    record_consents(
        customer,
        terms=terms,
        e_invoice=details.get("e_invoice", False),
        ip_address=origin.ip_address,
    )
    password = issue_temporary_password(customer, origin=origin)
    user = _account(customer)
    send_to_customer(
        customer,
        "registration_temporary_password",
        {
            "login_url": origin.url(reverse("accounts:login")),
            "password": password,
            "expires": user.temporary_password_expires_at,
        },
    )
    record(
        AuditEvent.Kind.REGISTRATION_EMAIL_SENT,
        origin=origin,
        customer=customer,
        detail=f"temporary password to {customer.email}",
    )
