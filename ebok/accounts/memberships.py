"""Changes of who can reach a customer number: each is audited and told to the number's owner.

The customer number's e-mail on file hears of every login given or taken access to it, so an
owner learns at once of a change they did not make (docs/security.md, "Memberships").
"""

from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.notifications.emails import send_to_customer


def _describe(membership) -> str:
    return f"login {membership.user.username} as {membership.role}"


def granted(membership, *, actor=None, request=None) -> None:
    record(
        AuditEvent.Kind.MEMBERSHIP_GRANTED,
        request=request,
        customer=membership.customer,
        actor=actor,
        detail=_describe(membership),
    )
    _tell_owner(membership, "granted")


def changed(membership, *, actor=None, request=None) -> None:
    record(
        AuditEvent.Kind.MEMBERSHIP_CHANGED,
        request=request,
        customer=membership.customer,
        actor=actor,
        detail=_describe(membership),
    )
    _tell_owner(membership, "changed")


def revoked(membership, *, actor=None, request=None) -> None:
    record(
        AuditEvent.Kind.MEMBERSHIP_REVOKED,
        request=request,
        customer=membership.customer,
        actor=actor,
        detail=_describe(membership),
    )
    _tell_owner(membership, "revoked")


def _tell_owner(membership, what: str) -> None:
    send_to_customer(
        membership.customer,
        "membership_changed",
        {"membership": membership, "what": what, "login": membership.user.username},
    )
