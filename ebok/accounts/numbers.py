"""The customer number in use: the one a login works with now, out of those it may reach.

A login reaches customer numbers through its memberships (accounts.Membership). The number in
use is chosen at login (the number typed) or with the switcher in the header, kept in the
session, and checked against the login's memberships on every request: one query fetches them
all (the switcher lists them), so a membership removed from a login ends its access to that
number at the next request of every session, whatever the session store holds.
"""

from ebok.accounts.models import Membership

SESSION_KEY = "ebok_customer"


# Where the session's login, read by the authentication backend, keeps its memberships until
# in_use takes them: fetched with the login, at the start of the same request.
_LOADED = "_ebok_memberships"


def load_memberships(user_id) -> list[Membership]:
    """A login's memberships with their customers and the login itself, in one query."""
    memberships = list(
        Membership.objects.filter(user_id=user_id)
        .select_related("customer", "user")
        .order_by("customer__number", "pk")
    )
    for membership in memberships[1:]:
        membership.user = memberships[0].user  # one login object, not one per row
    return memberships


def remember_memberships(user, memberships: list[Membership]) -> None:
    setattr(user, _LOADED, memberships)


def memberships_of(user) -> list[Membership]:
    """The login's memberships: those read with it in this request, or a query now.

    Taken once: a second call in the same request (after a change) reads them again.
    """
    loaded = getattr(user, _LOADED, None)  # request.user is a lazy proxy: no __dict__ here
    if loaded is not None:
        delattr(user, _LOADED)
        return loaded
    return load_memberships(user.pk)


def in_use(request) -> Membership | None:
    """The membership of the number in use, or None when the login reaches no number at all.

    When the number chosen is no longer reachable, the login's first number takes its place.
    Sets request.memberships for the switcher.
    """
    request.memberships = memberships_of(request.user)
    chosen = request.session.get(SESSION_KEY)
    for membership in request.memberships:
        if membership.customer_id == chosen:
            return membership
    if not request.memberships:
        return None
    first = request.memberships[0]
    request.session[SESSION_KEY] = first.customer_id
    return first


def choose(request, customer_number: str) -> bool:
    """Make the number in use the given one, if this login may reach it. False: it may not."""
    membership = (
        Membership.objects.filter(user=request.user, customer__number=customer_number)
        .only("customer_id")
        .first()
    )
    if membership is None:
        return False
    request.session[SESSION_KEY] = membership.customer_id
    return True
