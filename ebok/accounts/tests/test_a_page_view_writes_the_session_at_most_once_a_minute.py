"""Reading a page does not write the session: only "last seen", at most once a minute.

Both stores are tried: the database's (tests, deployments without Redis) and production's,
which keeps a copy in the shared cache and writes the database too.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ebok.accounts.tests.test_sessions import login

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

PAGES = ["portal:info", "portal:invoices", "portal:payments", "portal:meters", "portal:overview"]


def session_writes(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    writes = ("INSERT", "UPDATE", "DELETE")
    return sum(
        1
        for query in captured
        if "django_session" in query["sql"] and query["sql"].startswith(writes)
    )


@pytest.fixture(params=["django.contrib.sessions.backends.db", "ebok.accounts.sessions"])
def session_engine(request, settings):
    settings.SESSION_ENGINE = request.param
    return request.param


def test_pages_viewed_within_a_minute_leave_the_session_unwritten(
    client, account, clock, session_engine
):
    login(client)
    for name in PAGES:
        clock.shift(dt.timedelta(seconds=10))
        assert session_writes(client, reverse(name)) == 0, name


def test_the_first_page_a_minute_later_writes_the_session_once(
    client, account, clock, session_engine
):
    login(client)
    clock.shift(dt.timedelta(seconds=59))
    assert session_writes(client, reverse("portal:info")) == 0
    clock.shift(dt.timedelta(seconds=1))
    assert session_writes(client, reverse("portal:invoices")) == 1
    clock.shift(dt.timedelta(seconds=30))
    assert session_writes(client, reverse("portal:payments")) == 0
