"""The one confirmation mechanism: a change of who can reach an account waits for a one-time
link sent by e-mail to the person who must agree.

- The e-mail on file is where forgotten-password links go, so it decides who can reach the
  account: a new address is used only after its owner opens the link sent to it (registration,
  change of address); the address it replaces is told.
- Another login gets access to a customer number only when the number's owner opens the link
  sent to the number's address on file (access request), or when the person invited by the
  owner opens the link sent to them (invitation).

A link is valid CONFIRMATION_HOURS, once; a newer link for the same thing replaces an older one.
Only a hash of the token is stored. Opening the link shows a button: the change happens on POST,
so a mail scanner that fetches links changes nothing.
"""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ebok.accounts.models import AccountChange, EmailConfirmation
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.core.origin import Origin
from ebok.notifications.emails import send_to_address
from ebok.notifications.notices import notify

CONFIRMATION_HOURS = 24


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


Purpose = EmailConfirmation.Purpose
# The e-mail each purpose sends with its link.
TEMPLATES = {
    Purpose.REGISTRATION: "email_confirm",
    Purpose.CHANGE: "email_confirm",
    Purpose.ACCESS: "access_request",
    Purpose.INVITATION: "invitation",
}


def _replaced(customer, email: str, purpose, details: dict):
    """The earlier links a new one makes void: one pending address per customer and purpose,
    one pending request per login, one pending invitation per address."""
    earlier = EmailConfirmation.objects.filter(
        customer=customer, purpose=purpose, used_at__isnull=True
    )
    if purpose == Purpose.ACCESS:
        return earlier.filter(details__user_id=details["user_id"])
    if purpose == Purpose.INVITATION:
        return earlier.filter(email__iexact=email)
    return earlier


def start(customer, email: str, purpose, *, origin: Origin, details=None) -> None:
    """Record the pending change and send its link to email."""
    details = details or {}
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        _replaced(customer, email, purpose, details).update(used_at=now)
        confirmation = EmailConfirmation.objects.create(
            customer=customer,
            email=email,
            purpose=purpose,
            details=details,
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
        TEMPLATES[purpose],
        {
            "customer": customer,
            "confirm_url": url,
            "expires": confirmation.expires_at,
            "details": details,
            "confirmation": confirmation,
        },
    )


def pending(token: str) -> EmailConfirmation | None:
    """The confirmation a link stands for, while it can still be used."""
    return (
        EmailConfirmation.objects.select_related("customer")
        .filter(token_hash=_hash(token), used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )


def confirm(token: str, *, request, login=None) -> EmailConfirmation | None:
    """Use the link and do what its purpose asks. None: not valid (any more).

    login: for an invitation, the login that accepts it. Marking the link used is a conditional
    UPDATE, so of two simultaneous clicks only one goes on.
    """
    confirmation = pending(token)
    if confirmation is None:
        return None
    # Their follow-ups live with registration and memberships, which start confirmations.
    from ebok.accounts import memberships, registration

    with transaction.atomic():
        taken = EmailConfirmation.objects.filter(pk=confirmation.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        )
        if not taken:
            return None
        purpose = confirmation.purpose
        if purpose == Purpose.ACCESS:
            return confirmation if memberships.grant_requested(confirmation, request) else None
        if purpose == Purpose.INVITATION:
            accepted = memberships.accept_invitation(confirmation, login, request)
            return confirmation if accepted else None
        if purpose == Purpose.REGISTRATION and not registration.may_finish(confirmation.customer):
            return None
        change_email(confirmation.customer, confirmation.email, request=request)
        if purpose == Purpose.REGISTRATION:
            registration.finish(confirmation, request=request)
    return confirmation


def change_email(customer, email: str, *, request) -> None:
    """Make email the address on file, and tell the address it replaces."""
    previous = customer.email
    customer.email = email
    customer.save(update_fields=["email", "updated_at"])
    detail = f"e-mail on file is now {email}"
    if previous and previous.casefold() != email.casefold():
        # To the address it replaces, which may not be the one who changed it.
        notify("email_changed", customer, {}, to=previous)
        detail += f", was {previous} (told)"
    record(AuditEvent.Kind.EMAIL_CHANGED, request=request, customer=customer, detail=detail)
    # The billing system learns it with the next pull of changes.
    AccountChange.objects.create(
        customer=customer,
        customer_number=customer.number,
        kind=AccountChange.Kind.EMAIL,
        value={"email": email},
    )
