"""Self-registration: a customer proves who they are with the data of one recent invoice.

The rules (docs/security.md, "Registration"):

- Proof: the customer number, and the number and gross amount of an invoice issued to that
  customer within the last 365 days (by the date in Warsaw). One query decides, whether or not
  the number exists, so an unknown number and wrong invoice data cost the same.
- Every answer after a valid form is the same page. On a match an e-mail goes to the address
  given: a temporary password when the customer has no password of their own yet, otherwise a
  note that the account exists, with the way to a forgotten password. No match: no e-mail.
- A mismatch counts as a failed login for the number and the client address (ebok.accounts.
  throttle), so invoice data cannot be guessed faster than a password.
- On a match the address given becomes the customer's e-mail on file, where the forgotten-
  password link and notices go; a changed address is told at the old one.
"""

import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ebok.accounts import throttle
from ebok.accounts.consents import record_consents
from ebok.accounts.services import issue_temporary_password
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.billing.models import Invoice
from ebok.core.middleware import client_address
from ebok.notifications.emails import absolute_url, send_to_address

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


def _has_own_password(user) -> bool:
    return bool(user.password) and user.has_usable_password() and not user.has_temporary_password


def register(application: Application, *, terms, request) -> int:
    """Handle a valid registration form. Returns 0, or the seconds to wait when throttled.

    Whatever happened, the caller answers the same; only the e-mail (if any) differs.
    """
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
        record(
            AuditEvent.Kind.REGISTRATION_REFUSED,
            request=request,
            customer_number=number,
            detail="no matching invoice",
        )
        return 0
    # The invoice proves the customer, but says nothing of their password: nothing to clear.
    attempt.released()
    _register_customer(invoice.customer, application, terms=terms, request=request)
    return 0


def _register_customer(customer, application: Application, *, terms, request) -> None:
    user = get_user_model().objects.filter(customer=customer).first()
    if user is not None and not user.is_active:
        # Staff turned this account off; registering must not turn it on. The office decides.
        record(
            AuditEvent.Kind.REGISTRATION_REFUSED,
            request=request,
            customer=customer,
            detail="account disabled",
        )
        return
    login_url = absolute_url(request, reverse("accounts:login"))
    previous_email = customer.email
    with transaction.atomic():
        if customer.email != application.email:
            customer.email = application.email
            customer.save(update_fields=["email", "updated_at"])
        record_consents(customer, terms=terms, e_invoice=application.e_invoice, request=request)
        password = None
        if user is None or not _has_own_password(user):
            password = issue_temporary_password(customer, request=request)
            user = get_user_model().objects.get(customer=customer)

    context = {"customer": customer, "login_url": login_url}
    if password is not None:
        template, what = "registration_temporary_password", "temporary password"
        extra = {"password": password, "expires": user.temporary_password_expires_at}
    else:
        template, what = "registration_account_exists", "account exists notice"
        extra = {"forgotten_url": absolute_url(request, reverse("accounts:password_forgotten"))}
    send_to_address(application.email, template, context | extra)
    detail = f"{what} to {application.email}"
    if previous_email and previous_email.casefold() != application.email.casefold():
        send_to_address(previous_email, "email_changed", context)
        detail += f"; e-mail on file was {previous_email}, told of the change"
    record(
        AuditEvent.Kind.REGISTRATION_EMAIL_SENT, request=request, customer=customer, detail=detail
    )
