"""The customer number in use: the one a login works with now, out of those it may reach.

A login reaches customer numbers through its memberships (accounts.Membership). The number in
use is chosen at login (the number typed) or with the switcher in the header, kept in the
session, and checked against the login's memberships on every request: one query fetches them
all (the switcher lists them), so a membership removed from a login ends its access to that
number at the next request of every session, whatever the session store holds.
"""

from django.contrib.auth import get_user_model
from django.db import connections, router

from ebok.accounts.models import Membership
from ebok.core.sql import ModelColumns
from ebok.customers.models import Customer

SESSION_KEY = "ebok_customer"


# Where the session's login, read by the authentication backend, keeps its memberships until
# in_use takes them: fetched with the login, at the start of the same request.
_LOADED = "_ebok_memberships"


# The query behind every panel page, written in SQL: built from the ORM's expressions (with its
# two joined models) it cost the app more than a millisecond on each request, four times the
# time the database takes to answer it (docs/performance.md).
_MEMBERSHIP = ModelColumns(Membership, "m")
_CUSTOMER = ModelColumns(Customer, "c")
_USER = ModelColumns(get_user_model(), "u")


def load_memberships(user_id) -> list[Membership]:
    """A login's memberships with their customers and the login itself, in one query: the
    numbers in order, the login read once for all of them."""
    connection = connections[router.db_for_read(Membership)]
    quote = connection.ops.quote_name
    # Names from the models; the login's id is a parameter.
    sql = (
        f"SELECT {_MEMBERSHIP.select(connection)}, {_CUSTOMER.select(connection)}, "  # noqa: S608
        f"{_USER.select(connection)} "
        f"FROM {quote(Membership._meta.db_table)} m "
        f"JOIN {quote(Customer._meta.db_table)} c ON c.id = m.customer_id "
        f"JOIN {quote(_USER.model._meta.db_table)} u ON u.id = m.user_id "
        "WHERE m.user_id = %s ORDER BY c.number, m.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id])
        rows = cursor.fetchall()
    memberships, user = [], None
    customer_at, user_at = _MEMBERSHIP.width, _MEMBERSHIP.width + _CUSTOMER.width
    for row in rows:
        membership = _MEMBERSHIP.instance(connection, row, 0)
        membership.customer = _CUSTOMER.instance(connection, row, customer_at)
        user = user or _USER.instance(connection, row, user_at)
        membership.user = user
        memberships.append(membership)
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
