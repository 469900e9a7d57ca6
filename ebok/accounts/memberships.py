"""Changes of who can reach a customer number: each is audited and told to the number's owner.

The customer number's e-mail on file hears of every login given or taken access to it, so an
owner learns at once of a change they did not make (docs/security.md, "Memberships").

The office acts as a staff user (actor); the billing system acts through an API token, which is
no user, so the token's name goes into the audit event's detail instead.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from ebok.accounts import confirmations, throttle
from ebok.accounts.models import EmailConfirmation, Membership
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.core.middleware import client_address
from ebok.core.origin import Origin
from ebok.notifications.notices import notify


def _describe(membership, api_token=None) -> str:
    detail = f"login {membership.user.username} as {membership.role}"
    return f"{detail}, by API token {api_token.name}" if api_token is not None else detail


def granted(membership, *, actor=None, request=None, api_token=None) -> None:
    record(
        AuditEvent.Kind.MEMBERSHIP_GRANTED,
        request=request,
        customer=membership.customer,
        actor=actor,
        detail=_describe(membership, api_token),
    )
    _tell_owner(membership, "granted", api_token)


def changed(membership, *, actor=None, request=None, api_token=None) -> None:
    record(
        AuditEvent.Kind.MEMBERSHIP_CHANGED,
        request=request,
        customer=membership.customer,
        actor=actor,
        detail=_describe(membership, api_token),
    )
    _tell_owner(membership, "changed", api_token)


def revoked(membership, *, actor=None, request=None, api_token=None) -> None:
    record(
        AuditEvent.Kind.MEMBERSHIP_REVOKED,
        request=request,
        customer=membership.customer,
        actor=actor,
        detail=_describe(membership, api_token),
    )
    _tell_owner(membership, "revoked", api_token)


def _tell_owner(membership, what: str, api_token) -> None:
    notify(
        "membership_changed",
        membership.customer,
        {
            "what": what,
            "login": membership.user.username,
            "role": membership.role,
            "by_billing_system": api_token is not None,
        },
    )


def login_email(user) -> str:
    """Where a login's own notices go: its own number's e-mail on file, or the address it was
    invited at (a login made by invitation has no number of its own)."""
    if user.customer_id:
        return user.customer.email
    return user.email


def _grant(user, customer, role, *, request=None, origin=None, actor=None):
    membership, created = Membership.objects.get_or_create(
        user=user, customer=customer, defaults={"role": role}
    )
    if created:
        granted(membership, actor=actor, request=request)
    return membership


def request_access(user, invoice, *, origin) -> None:
    """A login proved a number with one of its invoices (in the background, like registration).

    When the number has an e-mail on file, access waits for the link sent there: its owner
    decides. Without one, a number whose own login has a password of its own is never added (the
    office helps); any other number is added at once, the invoice being the same proof that
    registration accepts.
    """
    customer = invoice.customer
    if Membership.objects.filter(user=user, customer=customer).exists():
        return
    own = getattr(customer, "account", None)
    has_owner = own is not None and own.has_own_password
    if customer.email:
        role = Membership.Role.VIEWER if has_owner else Membership.Role.OWNER
        confirmations.start(
            customer,
            customer.email,
            EmailConfirmation.Purpose.ACCESS,
            origin=origin,
            details={"user_id": user.pk, "role": role, "login": user.username},
        )
    elif has_owner:
        record(
            AuditEvent.Kind.ACCESS_REFUSED,
            origin=origin,
            customer=customer,
            detail=f"login {user.username}: own password and no e-mail on file",
        )
    else:
        _grant(user, customer, Membership.Role.OWNER, request=None)


def grant_requested(confirmation, request) -> bool:
    """The number's owner opened the link: the login that asked gets its access."""
    User = get_user_model()
    user = User.objects.filter(
        pk=confirmation.details["user_id"], is_active=True, is_staff=False
    ).first()
    if user is None:
        return False
    _grant(user, confirmation.customer, confirmation.details["role"], request=request)
    return True


def invite(membership, email: str, role: str, *, origin) -> None:
    """The owner of the number in use invites someone by e-mail."""
    confirmations.start(
        membership.customer,
        email,
        EmailConfirmation.Purpose.INVITATION,
        origin=origin,
        details={"role": role, "by": membership.user.username},
    )


def pending_invitations(customer):
    return EmailConfirmation.objects.filter(
        customer=customer,
        purpose=EmailConfirmation.Purpose.INVITATION,
        used_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).order_by("created_at")


def accept_invitation(confirmation, login, request) -> bool:
    if login is None or login.is_staff or not login.is_active:
        return False
    _grant(login, confirmation.customer, confirmation.details["role"], request=request)
    return True


def revoke(membership, *, request) -> None:
    membership.delete()
    revoked(membership, request=request)


def ask_access_by_invoice(user, application, *, request) -> int:
    """The panel's "add a number" form, checked like registration: throttled per number and
    address, the same work whatever the outcome, the rest left to the worker. Returns 0, or the
    seconds to wait when throttled."""
    from ebok.accounts.registration import matching_invoice
    from ebok.accounts.tasks import complete_access_request

    number = application.customer_number
    try:
        attempt = throttle.for_login(number, client_address(request))
    except throttle.Throttled as refused:
        record(AuditEvent.Kind.LOGIN_THROTTLED, request=request, customer_number=number)
        return refused.seconds
    record(
        AuditEvent.Kind.ACCESS_REQUESTED,
        request=request,
        customer_number=number,
        detail=f"login {user.username}, invoice {application.invoice_number}",
    )
    invoice = matching_invoice(application)
    if invoice is None:
        attempt.failed()
    else:
        attempt.released()
    complete_access_request.enqueue(
        invoice_id=invoice.pk if invoice else None,
        user_id=user.pk,
        customer_number=number,
        origin=Origin.of(request).as_dict(),
    )
    return 0


def complete_access_request(*, invoice_id, user_id, customer_number, origin) -> None:
    if invoice_id is None:
        record(
            AuditEvent.Kind.ACCESS_REFUSED,
            origin=origin,
            customer_number=customer_number,
            detail="no matching invoice",
        )
        return
    from ebok.billing.models import Invoice

    invoice = Invoice.objects.select_related("customer").get(pk=invoice_id)
    user = get_user_model().objects.get(pk=user_id)
    request_access(user, invoice, origin=origin)


def cancel_invitation(invitation, *, request) -> None:
    EmailConfirmation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    record(
        AuditEvent.Kind.MEMBERSHIP_REVOKED,
        request=request,
        customer=invitation.customer,
        detail=f"invitation to {invitation.email} cancelled",
    )
