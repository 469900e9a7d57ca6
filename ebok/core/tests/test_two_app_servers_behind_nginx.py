"""The production layout of deploy/ on this machine: Debian's nginx with deploy/nginx/ebok.conf
(TLS with a certificate made here, the proxy snippet as it is) in front of two gunicorn app
servers (deploy/gunicorn.conf.py, production settings) on one PostgreSQL database and Redis.

Customers keep browsing while one app server is stopped and started again; the login throttle
holds across both servers; the client's address is the one nginx saw. Each client connects from
an address of its own on the loopback network (127.0.0.x), so that its address differs from
nginx's own (127.0.0.1, what the app servers see as REMOTE_ADDR)."""

import os
import re
import secrets
import shutil
import ssl
import subprocess
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD, make_account, make_customer, make_history
from ebok.testing_servers import AppServer, Browser, Nginx, free_port

pytestmark = [
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="app servers in processes of their own need a database they can share: "
        "PostgreSQL (the suite's SQLite test database lives in this process's memory)",
    ),
    pytest.mark.skipif(
        not settings.REDIS_URL,
        reason="app servers share sessions and the login throttle through Redis: set REDIS_URL",
    ),
    # The app servers write to the database: their rows must be visible here and cleaned up.
    pytest.mark.django_db(transaction=True),
]

HOST = "ebok.example.pl"
DEPLOY = settings.BASE_DIR / "deploy"
WRONG = "Nieprawidłowy numer klienta lub hasło."
REFUSED = "Zbyt wiele nieudanych prób logowania."
LOG_LINE = re.compile(
    r'^(?P<client>\S+) \[[^]]+\] "(?P<request>[^"]*)" (?P<status>\d+) .*'
    r"upstream=(?P<upstreams>.*) upstream_status=(?P<statuses>.*) upstream_time="
)


@dataclass
class Layout:
    servers: list[AppServer]
    nginx: Nginx
    https_port: int
    http_port: int
    tls: ssl.SSLContext

    def browser(self, source: str) -> Browser:
        return Browser(self.https_port, host=HOST, tls=self.tls, source=source)

    def log(self) -> list[dict]:
        """nginx's access log, a dict per request, `upstreams` the app servers tried in turn."""
        lines = self.nginx.path("access.log").read_text().splitlines()
        records = [LOG_LINE.match(line).groupdict() for line in lines]
        for record in records:
            record["upstreams"] = record["upstreams"].split(", ")
        return records


def production_site(nginx: Nginx, upstream_ports, https_port, http_port) -> str:
    """deploy/nginx/ebok.conf with this machine's ports, certificate and files."""
    shutil.copy(DEPLOY / "nginx" / "ebok-proxy.conf", nginx.path("ebok-proxy.conf"))
    site = (DEPLOY / "nginx" / "ebok.conf").read_text()
    first, second = upstream_ports
    for production, here in {
        "127.0.0.1:8001": f"127.0.0.1:{first}",
        "127.0.0.1:8002": f"127.0.0.1:{second}",
        "    listen 80;\n": f"    listen 127.0.0.1:{http_port};\n",
        "    listen [::]:80;\n": "",
        "    listen 443 ssl http2;\n": f"    listen 127.0.0.1:{https_port} ssl http2;\n",
        "    listen [::]:443 ssl http2;\n": "",
        f"/etc/letsencrypt/live/{HOST}/fullchain.pem": str(nginx.path("cert.pem")),
        f"/etc/letsencrypt/live/{HOST}/privkey.pem": str(nginx.path("key.pem")),
        "/var/log/nginx/ebok.access.log": str(nginx.path("access.log")),
        "include snippets/ebok-proxy.conf;": f"include {nginx.path('ebok-proxy.conf')};",
    }.items():
        assert site.count(production) == 1, f"deploy/nginx/ebok.conf has no {production!r}"
        site = site.replace(production, here)
    return site


def make_certificate(nginx: Nginx) -> ssl.SSLContext:
    """A self-signed certificate for HOST and 127.0.0.1, and a client context that trusts it."""
    command = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"]
    command += ["-nodes", "-days", "2", "-subj", f"/CN={HOST}"]
    command += ["-addext", f"subjectAltName=DNS:{HOST},IP:127.0.0.1"]
    command += ["-keyout", str(nginx.path("key.pem")), "-out", str(nginx.path("cert.pem"))]
    subprocess.run(
        command,
        check=True,
        capture_output=True,
    )
    return ssl.create_default_context(cafile=nginx.path("cert.pem"))


@pytest.fixture(scope="module")
def layout(django_db_setup):
    # The suite's DATABASE_URL, naming the test database pytest-django made.
    parts = urlsplit(os.environ["DATABASE_URL"])
    test_database = urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))
    environment = {
        "DATABASE_URL": test_database,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "TRUSTED_PROXY_COUNT": "1",
        "PROXY_SSL_HEADER": "1",
        # Production's defaults, not the suite's (ebok/test_environment.py).
        "DEBUG": "",
        "SECURE_SSL_REDIRECT": "",
        "SECURE_COOKIES": "",
        "HSTS_SECONDS": "",
        "TASKS_BACKEND": "",
    }
    servers = [AppServer(environment), AppServer(environment)]
    nginx = Nginx()
    https_port, http_port = free_port(), free_port()
    try:
        for server in servers:
            server.start()
        tls = make_certificate(nginx)
        site = production_site(nginx, [s.port for s in servers], https_port, http_port)
        nginx.start(site, https_port)
        yield Layout(servers, nginx, https_port, http_port, tls)
    finally:
        nginx.stop()
        for server in servers:
            server.stop()


@pytest.fixture
def customers():
    """Three customers with a year of history and passwords of their own: their numbers.

    Three, not two or four: were their requests to keep in step, an odd number still sends
    each customer's requests to both app servers in turn."""
    numbers = ["005001", "005002", "005003"]
    for number in numbers:
        customer = make_customer(
            number, name=f"Klient {number}", email_address=f"{number}@example.pl"
        )
        make_history(customer, years=1, serial=f"WM-{number}")
        make_account(customer)
    return numbers


PAGES = ["info", "invoices", "payments", "meters", "documents", "overview", "numbers"]


def wait_until(condition, seconds=30.0):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)


def test_customers_browsing_while_an_app_server_stops_and_starts_again_get_every_page(
    layout, customers
):
    first, second = (f"127.0.0.1:{server.port}" for server in layout.servers)
    paths = [reverse(f"portal:{page}") for page in PAGES]
    sources = {number: f"127.0.0.{10 + i}" for i, number in enumerate(customers)}
    browsers = {number: layout.browser(sources[number]) for number in customers}
    for number, browser in browsers.items():
        assert browser.log_in(number, PASSWORD).location == reverse("portal:info")
    failures, done = [], threading.Event()

    def browse(number):
        while not done.is_set():
            for path in paths:
                response = browsers[number].get(path)
                if response.status != 200 or number not in response.text:
                    failures.append((number, path, response.status, response.location))

    def both_served_everyone(since):
        served = {(r["client"], r["upstreams"][-1]) for r in layout.log()[since:]}
        return all((c, s) in served for c in sources.values() for s in (first, second))

    threads = [threading.Thread(target=browse, args=(number,)) for number in customers]
    for thread in threads:
        thread.start()
    try:
        wait_until(lambda: both_served_everyone(since=0))
        stopping = len(layout.log())
        layout.servers[0].stop()  # SIGTERM, as `systemctl stop ebok-app@1` sends it
        stopped = len(layout.log())
        wait_until(lambda: len(layout.log()) > stopped + 30)
        layout.servers[0].start()
        started = len(layout.log())
        # nginx tries the first again after its fail_timeout (5 s): sessions made before the
        # stop, served meanwhile by the second, are served by both again.
        wait_until(lambda: both_served_everyone(since=started))
    finally:
        done.set()
        for thread in threads:
            thread.join()

    assert failures == []
    log = layout.log()
    assert both_served_everyone(since=0)
    assert both_served_everyone(since=started)
    # Requests that reached the first as it stopped were passed on to the second...
    assert any(
        r["upstreams"] == [first, second] and r["status"] == "200" for r in log[stopping:stopped]
    )
    # ...which then served everything until the first was back.
    assert len(log) > stopped + 30
    assert {r["upstreams"][-1] for r in log[stopped:started]} == {second}
    assert {r["status"] for r in log} == {"200", "302"}  # 302: the logins


def test_failures_counted_on_one_app_server_refuse_the_login_on_the_other(layout, account):
    # Straight to each app server, with the headers nginx would add, to choose which one.
    as_nginx_sends = {"X-Forwarded-Proto": "https", "Origin": f"https://{HOST}"}
    first, second = (
        Browser(server.port, host=HOST, headers=as_nginx_sends) for server in layout.servers
    )
    for attempt in range(settings.LOGIN_THROTTLE_FREE_FAILURES):
        assert WRONG in first.log_in("001234", f"wrong-{attempt}").text

    refused = second.log_in("001234", PASSWORD)

    assert refused.status == 200
    assert REFUSED in refused.text
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_THROTTLED).count() == 1


def test_the_audit_log_records_the_address_nginx_saw_not_the_one_the_client_sent(layout, account):
    browser = layout.browser(source="127.0.0.9")
    forged = {"X-Forwarded-For": "203.0.113.7"}

    assert WRONG in browser.log_in("001234", "wrong", headers=forged).text
    assert browser.log_in("001234", PASSWORD, headers=forged).status == 302

    events = AuditEvent.objects.filter(customer_number="001234").order_by("pk")
    assert [(e.kind, e.ip_address) for e in events] == [
        (AuditEvent.Kind.LOGIN_FAILED, "127.0.0.9"),
        (AuditEvent.Kind.LOGIN, "127.0.0.9"),
    ]


def test_plain_http_is_sent_to_https(layout):
    response = Browser(layout.http_port, host=HOST).get("/panel/")

    assert response.status == 301
    assert response.location == f"https://{HOST}/panel/"
