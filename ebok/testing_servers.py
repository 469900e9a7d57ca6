"""Real servers on free local ports, started the way deploy/ starts them in production: gunicorn
app servers (deploy/gunicorn.conf.py) and nginx in front of them; and a small HTTP client that
keeps its cookies. Used by the test of the production layout and by `make bench-web`, so it needs
nothing but the standard library (and Django's settings nowhere).
"""

import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
NGINX = "/usr/sbin/nginx"  # Debian's package nginx
NOBODY = 65534


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60.0) -> None:
    """Return once something accepts connections on 127.0.0.1:port; fail at once if the
    process that should listen there has ended."""
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(
                f"{process.args[0]} ended with {process.returncode} before port {port}"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"nothing listens on port {port} after {timeout} s") from None
            time.sleep(0.05)


def stop(process: subprocess.Popen | None, timeout: float = 30.0) -> None:
    """SIGTERM, as systemctl stop sends it; SIGKILL only if it does not end in time."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class AppServer:
    """One gunicorn app server on 127.0.0.1:port, as deploy/systemd/ebok-app@.service runs it.

    `environment` is added to this process's own (DATABASE_URL, SECRET_KEY, ...). stop() and
    start() again keep the port, as restarting a systemd unit does.
    """

    def __init__(self, environment: dict, port: int | None = None, workers: int = 2):
        self.port = port or free_port()
        self.environment = {**os.environ, **environment, "WEB_CONCURRENCY": str(workers)}
        # Not inherited from a test run: Django's async-safety check stays on in a real server.
        self.environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        self.process = None

    def start(self, timeout: float = 60.0) -> "AppServer":
        command = [str(Path(sys.executable).parent / "gunicorn"), "ebok.wsgi"]
        command += ["--config", str(GUNICORN_CONFIG), "--bind", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.environment)  # noqa: S603
        wait_for_port(self.port, self.process, timeout)
        return self

    def stop(self) -> None:
        stop(self.process)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class Nginx:
    """Debian's nginx as an unprivileged process, with a configuration of ours in a folder of
    its own: `http` is the inside of the http block (upstreams, servers, includes).

    As root it runs as nobody; the folder (config, logs, temporary files, certificates the
    caller puts there before start()) then belongs to nobody.
    """

    def __init__(self):
        if not os.access(NGINX, os.X_OK):
            raise RuntimeError(f"{NGINX} is missing: install Debian's package nginx")
        self.directory = Path(tempfile.mkdtemp(prefix="ebok-nginx-"))
        self.process = None

    def path(self, name: str) -> Path:
        return self.directory / name

    def start(self, http: str, port: int, timeout: float = 30.0) -> "Nginx":
        """Start with `http` and wait until `port` (one it listens on) accepts connections."""
        folder = self.directory
        self.path("nginx.conf").write_text(
            f"""daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log info;
events {{ worker_connections 512; }}
http {{
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    # Not Debian's /var/log/nginx: the configuration says where its servers log, if at all.
    access_log off;
{http}
}}
"""
        )
        as_nobody = {}
        if os.geteuid() == 0:
            for path in [folder, *folder.rglob("*")]:
                os.chown(path, NOBODY, NOBODY)
            as_nobody = {"user": NOBODY, "group": NOBODY, "extra_groups": []}
        # -e: the error log before the configuration is read (the default is /var/log/nginx).
        command = [NGINX, "-p", str(folder), "-e", str(self.path("error.log"))]
        command += ["-c", str(self.path("nginx.conf"))]
        self.process = subprocess.Popen(command, **as_nobody)  # noqa: S603
        wait_for_port(port, self.process, timeout)
        return self

    def stop(self) -> None:
        stop(self.process)
        shutil.rmtree(self.directory, ignore_errors=True)


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


@dataclass
class Browser:
    """A client of one server that keeps its cookies, over HTTP or HTTPS: enough to log in and
    browse the portal. Each request is a connection of its own, from `source` (an address on
    the loopback network, so that a test can tell the client's address from the proxy's).

    `host` is sent as the Host header (and Origin on posts); `tls` is the context for HTTPS.
    """

    port: int
    host: str = "127.0.0.1"
    tls: ssl.SSLContext | None = None
    source: str = "127.0.0.1"
    headers: dict = field(default_factory=dict)
    cookies: dict = field(default_factory=dict)

    def request(self, method: str, path: str, form=None, headers=None) -> Response:
        options = {"timeout": 60, "source_address": (self.source, 0)}
        if self.tls:
            connection = http.client.HTTPSConnection(
                "127.0.0.1", self.port, context=self.tls, **options
            )
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, **options)
        sent = {"Host": self.host}
        body = None
        if form is not None:
            body = urlencode(form)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = f"{'https' if self.tls else 'http'}://{self.host}"
        sent.update({**self.headers, **(headers or {})})
        if self.cookies:
            sent["Cookie"] = self.cookie_header()
        try:
            connection.request(method, path, body=body, headers=sent)
            answer = connection.getresponse()
            response = Response(answer.status, answer.headers, answer.read())
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";")[0]
            if value and "max-age=0" not in cookie.lower():
                self.cookies[name] = value
            else:
                self.cookies.pop(name, None)
        return response

    def get(self, path: str, headers=None) -> Response:
        return self.request("GET", path, headers=headers)

    def post_form(self, path: str, fields: dict, headers=None) -> Response:
        """Open the form's page, then post `fields` with its CSRF token, as a browser would."""
        page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        return self.request(
            "POST", path, form={**fields, "csrfmiddlewaretoken": token}, headers=headers
        )

    def log_in(self, number: str, password: str, headers=None) -> Response:
        fields = {"customer_number": number, "password": password}
        return self.post_form("/login/", fields, headers=headers)

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())
