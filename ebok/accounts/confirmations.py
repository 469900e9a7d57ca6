"""The one way a customer changes the e-mail on file: a one-time link to the new address.

The e-mail on file is where forgotten-password links go, so it decides who can reach the
account. A new address is used only after its owner opens the link sent to it (valid
CONFIRMATION_HOURS, once; a newer link for the same customer and purpose replaces an older one);
the address it replaces is told. Only a hash of the token is stored. Opening the link shows a
button: the change happens on POST, so a mail scanner that fetches links changes nothing.

Each purpose says what follows the change: registration then issues a temporary password to the
confirmed address (if the account still has no password of its own); a plain change does
nothing more.
"""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ebok.accounts.models import EmailConfirmation
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.core.origin import Origin
from ebok.notifications.emails import send_to_address

CONFIRMATION_HOURS = 24


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(customer, email: str, purpose, *, origin: Origin, details=None) -> None:
    """Record the pending address and send the link to it."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        EmailConfirmation.objects.filter(
            customer=customer, purpose=purpose, used_at__isnull=True
        ).update(used_at=now)
        confirmation = EmailConfirmation.objects.create(
            customer=customer,
            email=email,
            purpose=purpose,
            details=details or {},
            token_hash=_hash(token),
            created_at=now,
            expires_at=now + timedelta(hours=CONFIRMATION_HOURS),
        )
        record(
            AuditEvent.Kind.EMAIL_CONFIRMATION_SENT,
            origin=origin,
            customer=customer,
            detail=f"{purpose}: link to {email}",
        )
    url = origin.url(reverse("accounts:email_confirm", kwargs={"token": token}))
    send_to_address(
        email,
        "email_confirm",
        {"customer": customer, "confirm_url": url, "expires": confirmation.expires_at},
    )


def pending(token: str) -> EmailConfirmation | None:
    """The confirmation a link stands for, while it can still be used."""
    return (
        EmailConfirmation.objects.select_related("customer")
        .filter(token_hash=_hash(token), used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )


def confirm(token: str, *, request) -> EmailConfirmation | None:
    """Use the link: change the address and do what its purpose asks. None: not valid (any more).

    Marking it used is a conditional UPDATE, so of two simultaneous clicks only one goes on.
    """
    confirmation = pending(token)
    if confirmation is None:
        return None
    # Registration's follow-up lives with registration, which itself starts confirmations.
    from ebok.accounts import registration

    with transaction.atomic():
        taken = EmailConfirmation.objects.filter(pk=confirmation.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        )
        if not taken:
            return None
        is_registration = confirmation.purpose == EmailConfirmation.Purpose.REGISTRATION
        if is_registration and not registration.may_finish(confirmation.customer):
            return None
        change_email(confirmation.customer, confirmation.email, request=request)
        if is_registration:
            registration.finish(confirmation, request=request)
    return confirmation


def change_email(customer, email: str, *, request) -> None:
    """Make email the address on file, and tell the address it replaces."""
    previous = customer.email
    customer.email = email
    customer.save(update_fields=["email", "updated_at"])
    detail = f"e-mail on file is now {email}"
    if previous and previous.casefold() != email.casefold():
        send_to_address(previous, "email_changed", {"customer": customer})
        detail += f", was {previous} (told)"
    record(AuditEvent.Kind.EMAIL_CHANGED, request=request, customer=customer, detail=detail)
