"""Sign-in security in "My account": the login history and ending the other sessions."""

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from django.contrib.auth import get_user_model, update_session_auth_hash
from django.db.models import F
from ua_parser import parse

from ebok.accounts.models import Membership
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.notifications.notices import notify

HISTORY_LENGTH = 30

# The sign-in events a customer sees: successes and every kind of refusal.
SIGN_IN_KINDS = [
    AuditEvent.Kind.LOGIN,
    AuditEvent.Kind.LOGIN_FAILED,
    AuditEvent.Kind.LOGIN_THROTTLED,
    AuditEvent.Kind.LOGIN_EXPIRED,
]


@dataclass
class SignIn:
    at: datetime
    succeeded: bool
    label: str
    address: str
    browser: str


@lru_cache(maxsize=512)
def browser_name(user_agent: str) -> str:
    """ "Chrome 120 · Linux": the parser's names, from its maintained rules (ua-parser)."""
    if not user_agent:
        return ""
    result = parse(user_agent)
    parts = []
    if result.user_agent and result.user_agent.family != "Other":
        agent = result.user_agent
        parts.append(f"{agent.family} {agent.major}" if agent.major else agent.family)
    if result.os and result.os.family != "Other":
        os = result.os
        parts.append(f"{os.family} {os.major}" if os.major else os.family)
    return " · ".join(parts) or user_agent[:60]


def history(user) -> list[SignIn]:
    """The last logins and failed attempts on the numbers this login owns.

    Failed attempts are recorded by the number typed (the login is not known then), so the
    history is that of the numbers; a number owned by several logins shows all of theirs.
    """
    numbers = Membership.objects.filter(user=user, role=Membership.Role.OWNER).values(
        "customer__number"
    )
    events = AuditEvent.objects.filter(kind__in=SIGN_IN_KINDS, customer_number__in=numbers)[
        :HISTORY_LENGTH
    ]
    return [
        SignIn(
            at=event.created_at,
            succeeded=event.kind == AuditEvent.Kind.LOGIN,
            label=event.get_kind_display(),
            address=event.ip_address or "",
            browser=browser_name(event.user_agent),
        )
        for event in events
    ]


def end_other_sessions(request) -> None:
    """Every other session of the login ends at its next request; this one goes on.

    Raising session_generation changes the session hash Django checks on every request
    (User.get_session_auth_hash), whatever the session store keeps.
    """
    user = request.user
    logins = get_user_model().objects.filter(pk=user.pk)
    logins.update(session_generation=F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])
    update_session_auth_hash(request, user)
    record(
        AuditEvent.Kind.OTHER_SESSIONS_ENDED,
        request=request,
        customer=request.customer,
        detail=f"login {user.username}",
    )
    notify("other_sessions_ended", request.customer, {"login": user.username})
