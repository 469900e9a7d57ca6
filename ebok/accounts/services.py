"""What happens to an account, in one place: issuing, changing and resetting passwords."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ebok.accounts import throttle
from ebok.accounts.models import Membership
from ebok.accounts.passwords import new_temporary_password, temporary_password_expiry
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.core.middleware import client_address
from ebok.core.origin import Origin
from ebok.notifications.emails import absolute_url, send_to_address
from ebok.notifications.notices import notify

logger = logging.getLogger(__name__)

# What setting a password writes; password_changed_at is what the office's confirmation shows.
PASSWORD_FIELDS = ("password", "temporary_password_expires_at", "password_changed_at")


def account_for(customer):
    """The customer number's own login, created (unusable until a password is set) if missing;
    it owns the number."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        customer=customer, defaults={"username": customer.number, "is_active": True}
    )
    if created:
        Membership.objects.create(user=user, customer=customer, role=Membership.Role.OWNER)
    return user


@transaction.atomic
def issue_temporary_password(customer, *, actor=None, request=None, origin=None) -> str:
    """Give the customer a fresh temporary password and return it; only its hash is kept."""
    user = account_for(customer)
    password = new_temporary_password()
    user.set_password(password)
    user.temporary_password_expires_at = temporary_password_expiry()
    user.password_changed_at = timezone.now()
    user.save(update_fields=PASSWORD_FIELDS)
    throttle.clear(customer.number)
    record(
        AuditEvent.Kind.TEMPORARY_PASSWORD_ISSUED,
        request=request,
        origin=origin,
        customer=customer,
        actor=actor,
        detail=f"valid until {user.temporary_password_expires_at:%Y-%m-%d %H:%M} UTC",
    )
    return password


def set_own_password(user, password: str, *, request, kind) -> None:
    """The customer chose a password (change or reset): store it and tell them by e-mail."""
    user.set_password(password)
    user.temporary_password_expires_at = None
    user.password_changed_at = timezone.now()
    user.save(update_fields=PASSWORD_FIELDS)
    record(kind, request=request, customer=user.customer, detail=f"login {user.username}")
    context = {"login_url": absolute_url(request, "/")}
    if kind == AuditEvent.Kind.PASSWORD_RESET:
        # A reset keeps the passkeys; the customer is told which exist, in case one is not theirs.
        context["names"] = list(user.passkeys.values_list("name", flat=True))
    if user.customer_id:
        try:
            throttle.clear(user.customer.number)
        except throttle.Unavailable:
            # With the cache down the old failures stay counted, which errs on the safe side;
            # the new password is saved already and its audit record and e-mail must follow.
            logger.warning("Failed logins of %s not cleared: the cache is unavailable", user)
        notify("password_changed", user.customer, context)
    elif user.email:
        # A login made by invitation has no number of its own; it was invited at this address.
        # The notice is kept with the number in use, else the first it reaches.
        customer = getattr(request, "customer", None) or _first_number(user)
        if customer is not None:
            notify("password_changed", customer, context, to=user.email)
        else:  # it reaches no number any more: nothing to keep the notice with, but it is told
            send_to_address(user.email, "password_changed", {**context, "customer": None})


def _first_number(user):
    membership = user.memberships.select_related("customer").order_by("pk").first()
    return membership.customer if membership else None


def request_password_reset(number: str, *, request) -> None:
    """The forgotten-password form: the same work whether or not the number exists.

    At most a few e-mails per number and per client address an hour; the worker decides whether
    the number has an account with an e-mail and sends the link (send_password_reset_link).
    """
    from ebok.accounts.tasks import send_password_reset_link

    within_limits = throttle.within_rate(
        "reset-number", number, settings.PASSWORD_RESET_EMAILS_PER_HOUR, 3600
    ) and throttle.within_rate(
        "reset-address", client_address(request), settings.PASSWORD_RESET_ADDRESS_PER_HOUR, 3600
    )
    if not within_limits:
        record(AuditEvent.Kind.PASSWORD_RESET_THROTTLED, request=request, customer_number=number)
        return
    send_password_reset_link.enqueue(customer_number=number, origin=Origin.of(request).as_dict())


def send_password_reset_link(number: str, *, origin: Origin) -> None:
    """Send a one-time link to each login that reaches the number, at that login's own address
    (its own number's e-mail on file, or the address it was invited at); say nothing either way.
    """
    from ebok.accounts.memberships import login_email

    User = get_user_model()
    logins = list(
        User.objects.select_related("customer")
        .filter(memberships__customer__number=number, is_staff=False, is_active=True)
        .distinct()
        .order_by("pk")
    )
    record(
        AuditEvent.Kind.PASSWORD_RESET_REQUESTED,
        origin=origin,
        customer=next(
            (u.customer for u in logins if u.customer and u.customer.number == number), None
        ),
        customer_number=number,
        detail=", ".join(f"login {u.username}" for u in logins) if logins else "no account",
    )
    for user in logins:
        address = login_email(user)
        if not address:
            continue
        path = reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        context = {"customer": user.customer, "reset_url": origin.url(path)}
        send_to_address(address, "password_reset_link", context)
