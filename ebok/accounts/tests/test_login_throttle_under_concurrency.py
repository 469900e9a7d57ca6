"""A burst of parallel guesses gets no more password checks than the free failures: the
throttle reserves each attempt in the shared cache before the password is checked.

The reservations themselves are tried on whatever cache the suite runs with (per process on
SQLite, Redis on PostgreSQL in CI); the whole burst over HTTP, against two app servers, on
PostgreSQL with Redis, as production runs."""

import re
import threading
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from pytest_django.live_server_helper import LiveServer

from ebok.accounts import throttle
from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD

BURST = 200
REFUSED = "Zbyt wiele nieudanych prób logowania."


@pytest.fixture
def second_server(live_server):
    """Another app server on the same database and cache."""
    server = LiveServer("127.0.0.1")
    yield server
    server.stop()


class Browser:
    """A client of the login form over real HTTP: one CSRF cookie and token for all its posts."""

    def __init__(self, base_url):
        with urllib.request.urlopen(f"{base_url}/login/") as response:  # noqa: S310
            self.cookie = response.headers["Set-Cookie"].split(";")[0]
            page = response.read().decode()
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def log_in(self, base_url, number, password) -> str:
        data = urllib.parse.urlencode(
            {"customer_number": number, "password": password, "csrfmiddlewaretoken": self.token}
        ).encode()
        request = urllib.request.Request(  # noqa: S310
            f"{base_url}/login/", data=data, headers={"Cookie": self.cookie}
        )
        with urllib.request.urlopen(request) as response:  # noqa: S310
            return response.read().decode()


def test_two_hundred_parallel_reservations_for_one_number_grant_five():
    start = threading.Barrier(BURST)

    # A number no other test logs in with: a server thread of an earlier test that finishes a
    # failed login after the cache was emptied cannot take one of this burst's five.
    def reserve(i):
        start.wait()
        try:
            attempt = throttle.for_login("008642", f"198.51.100.{i}")
        except throttle.Throttled:
            return False
        attempt.failed()
        return True

    with ThreadPoolExecutor(max_workers=BURST) as pool:
        granted = list(pool.map(reserve, range(BURST)))
    assert sum(granted) == 5
    assert throttle.number_state("008642").throttled


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's in-memory test database is one connection shared by the server's threads",
)
def test_two_hundred_parallel_wrong_passwords_over_two_servers_get_five_checks(
    live_server, second_server, account
):
    servers = [live_server.url, second_server.url]
    browsers = [Browser(url) for url in servers]

    def guess(i):
        return browsers[i % 2].log_in(servers[i % 2], "001234", f"wrong-{i}")

    with ThreadPoolExecutor(max_workers=32) as pool:
        pages = list(pool.map(guess, range(BURST)))

    checked = AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_FAILED).count()
    refused = AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_THROTTLED).count()
    assert checked == 5
    assert refused == BURST - 5
    assert sum(REFUSED in page for page in pages) == BURST - 5
    # The right password is refused too until the wait is over: nothing was checked for it.
    assert REFUSED in browsers[0].log_in(servers[0], "001234", PASSWORD)
