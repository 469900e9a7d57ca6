"""A customer's account as the customer office sees it, and what the office may do to it.

Every action is written to the audit log with the staff member as the actor. Issuing a
temporary password is ebok.accounts.services.issue_temporary_password (and the letter,
ebok/backoffice/letter.py).
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from ebok.accounts import throttle
from ebok.audit.log import record
from ebok.audit.models import AuditEvent

LAST_LOGINS = 10


class State:
    NONE = "none"
    DISABLED = "disabled"
    THROTTLED = "throttled"
    TEMPORARY_EXPIRED = "temporary_expired"
    TEMPORARY = "temporary"
    ACTIVE = "active"


LABELS = {
    State.NONE: _("No account"),
    State.DISABLED: _("Disabled"),
    State.THROTTLED: _("Login blocked for a while after failed attempts"),
    State.TEMPORARY_EXPIRED: _("Temporary password expired"),
    State.TEMPORARY: _("Temporary password issued, not yet changed"),
    State.ACTIVE: _("Active"),
}


@dataclass(frozen=True)
class AccountState:
    """The state shown on the customer's page; `code` is one of State's values."""

    code: str
    user: object | None
    throttle: throttle.NumberState

    @property
    def label(self):
        return LABELS[self.code]

    @property
    def temporary_until(self) -> datetime | None:
        return self.user.temporary_password_expires_at if self.user else None

    @property
    def exists(self) -> bool:
        return self.user is not None

    @property
    def active(self) -> bool:
        return self.user is not None and self.user.is_active


def _has_password(user) -> bool:
    return bool(user.password) and user.has_usable_password()


def account_state(customer) -> AccountState:
    """One state, the first that applies: no account (or no password yet), disabled, throttled,
    temporary password expired, temporary password pending, active."""
    user = get_user_model().objects.filter(customer=customer).first()
    number = throttle.number_state(customer.number)
    if user is None:
        code = State.NONE
    elif not user.is_active:
        code = State.DISABLED
    elif not _has_password(user):
        code = State.NONE
    elif number.throttled:
        code = State.THROTTLED
    elif user.temporary_password_expired:
        code = State.TEMPORARY_EXPIRED
    elif user.has_temporary_password:
        code = State.TEMPORARY
    else:
        code = State.ACTIVE
    return AccountState(code=code, user=user, throttle=number)


class Password:
    NONE = "none"
    OWN = "own"
    TEMPORARY = "temporary"
    TEMPORARY_EXPIRED = "temporary_expired"


@dataclass(frozen=True)
class PasswordFacts:
    """The password a new temporary one would replace, as the office's confirmation tells it."""

    customer: object
    user: object | None

    @property
    def code(self) -> str:
        user = self.user
        if user is None or not _has_password(user):
            return Password.NONE
        if user.has_own_password:
            return Password.OWN
        if user.temporary_password_expired:
            return Password.TEMPORARY_EXPIRED
        return Password.TEMPORARY

    @property
    def changed_at(self) -> datetime | None:
        return self.user.password_changed_at if self.user else None

    @property
    def seen(self) -> str:
        """What the confirmation was shown for. Sent back with the confirming POST: when it no
        longer matches, the password changed in between, and the office is asked again."""
        return self.changed_at.isoformat() if self.changed_at else ""


def password_facts(customers, *, lock=False) -> list[PasswordFacts]:
    """One query for all the customers' accounts; `lock` holds them until the transaction ends,
    so that no password is set between the check and the new temporary one."""
    users = get_user_model().objects.filter(customer__in=customers)
    if lock:
        users = users.select_for_update()
    by_customer = {user.customer_id: user for user in users}
    return [PasswordFacts(customer, by_customer.get(customer.pk)) for customer in customers]


def last_logins(customer, limit=LAST_LOGINS):
    """The customer's latest successful logins, newest first, from the audit log."""
    return list(
        AuditEvent.objects.filter(customer=customer, kind=AuditEvent.Kind.LOGIN).order_by(
            "-created_at", "-id"
        )[:limit]
    )


def _account(customer):
    return get_user_model().objects.filter(customer=customer).first()


@transaction.atomic
def end_sessions(customer, *, actor, request=None) -> bool:
    """Log the account out everywhere, at each session's next request. False: no account."""
    user = _account(customer)
    if user is None:
        return False
    type(user).objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    record(AuditEvent.Kind.SESSIONS_ENDED, request=request, customer=customer, actor=actor)
    return True


def lift_throttle(customer, *, actor, request=None) -> None:
    """Forget the failed logins counted against the customer's number (not the addresses')."""
    state = throttle.number_state(customer.number)
    throttle.clear(customer.number)
    record(
        AuditEvent.Kind.THROTTLE_LIFTED,
        request=request,
        customer=customer,
        actor=actor,
        detail=f"{state.failures} failures, {state.seconds_to_wait} s left to wait",
    )


@transaction.atomic
def set_active(customer, active: bool, *, actor, request=None) -> bool:
    """Disable (every session ends with it) or re-enable the account. False: no account."""
    user = _account(customer)
    if user is None:
        return False
    user.is_active = active
    user.save(update_fields=["is_active"])
    kind = AuditEvent.Kind.ACCOUNT_ENABLED if active else AuditEvent.Kind.ACCOUNT_DISABLED
    record(kind, request=request, customer=customer, actor=actor)
    return True
