"""Helpers shared by the test suite: the frozen clock's moment, customers with accounts, e-mail
over SMTP, a Redis server to take away and bring back, axe-core, the text of PDFs, a process
killed where it pauses."""

import email
import email.policy
import io
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import redis
from aiosmtpd.controller import Controller
from axe_playwright_python.sync_playwright import Axe
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from pdfminer.high_level import extract_pages, extract_text
from pdfminer.layout import LTAnno, LTTextContainer, LTTextLine

from ebok.accounts.services import account_for
from ebok.customers.models import Customer
from ebok.testing_servers import free_port

# Where the `clock` fixture (ebok/conftest.py) stops time: a Wednesday, 10:00 in Warsaw.
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 25)  # NOW's date in Warsaw

PASSWORD = "Cis-nad-Liwcem-2026"  # a customer's own password in tests: long, not common


def make_customer(number="001234", name="Jan Węgrowski", email_address="jan@example.pl", **extra):
    defaults = {
        "name": name,
        "postal_code": "07-100",
        "city": "Węgrów",
        "street": "ul. Wyszyńskiego 1",
        "email": email_address,
        **extra,
    }
    customer, _ = Customer.objects.update_or_create(number=number, defaults=defaults)
    return customer


def make_account(customer, password=PASSWORD):
    """The customer's account with a password of their own (not a temporary one)."""
    user = account_for(customer)
    user.set_password(password)
    user.temporary_password_expires_at = None
    user.save()
    return user


@dataclass
class Mailbox:
    """What the local SMTP server received, oldest first."""

    messages: list = field(default_factory=list)
    # The client's (address, port) of each message: how many connections carried them.
    peers: list = field(default_factory=list)
    # Recipients refused with 550 (a mailbox that does not exist), to test failed deliveries.
    refused: set = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(message)
            self.peers.append(session.peer)
        return "250 Message accepted for delivery"

    def to(self, address):
        with self.lock:
            return [m for m in self.messages if address in m["To"]]

    @staticmethod
    def body(message) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()

    def link_in_last(self, address) -> str:
        body = self.body(self.to(address)[-1])
        return re.search(r"https?://\S+", body).group(0)


class SMTPServer:
    def __init__(self):
        self.mailbox = Mailbox()
        # aiosmtpd connects to its own port on start, so it needs a real number, not 0.
        self.port = free_port()
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


REDIS_SERVER = "/usr/bin/redis-server"  # Debian's package redis-server


class RedisServer:
    """A private redis-server on a free port that a test can stop and start again.

    Nothing is written to disk, so a restarted server starts empty, as a cache restarted in
    production without persistence does. The port stays the same across stop() and start(), so
    the portal's settings keep pointing at it.
    """

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout=10.0):
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no"]
        # A fixed program and arguments, no shell.
        self.process = subprocess.Popen(  # noqa: S603
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        probe = redis.Redis(port=self.port, socket_connect_timeout=0.5, socket_timeout=0.5)
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    if probe.ping():
                        return
                except (redis.ConnectionError, redis.TimeoutError) as error:
                    if self.process.poll() is not None or time.monotonic() > deadline:
                        self.stop()
                        raise RuntimeError(f"redis-server did not start on {self.port}") from error
                    time.sleep(0.02)
        finally:
            probe.close()

    def stop(self):
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()


def authenticator(user) -> TOTPDevice:
    """The staff member's confirmed authenticator app (set up now if they have none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)
        # Confirming a device ends the user's sessions: their generation went up.
        user.refresh_from_db(fields=["session_generation"])
    return device


def current_code(device) -> str:
    """What the authenticator app shows now (by the test's clock, frozen or not)."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):0{device.digits}d}"


def log_in_staff(client, user):
    """A staff member in the admin as after both factors, password and authenticator code:
    the session is verified with their confirmed device, as django_otp.login() leaves it."""
    device = authenticator(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


# Browser tests: the widths every customer page is checked at.
VIEWPORTS = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 800},
}


def panel_tabs(page, name="Panel Klienta"):
    """The client panel's tabs as a customer reaches them at the page's width: on a phone the
    one-line "Menu" is opened first (templates/portal/base.html)."""
    navigation = page.get_by_role("navigation", name=name)
    menu = navigation.locator("details")
    if menu.is_visible() and menu.get_attribute("open") is None:
        # Opened as a click would, but leaving the focus where it was: the tests that walk
        # the page by keyboard go on from there.
        menu.evaluate("details => { details.open = true; }")
    return navigation


def log_in(page, number, password):
    """Fill the Polish login form as the seed's guide shows it and press "Zaloguj"."""
    page.get_by_label("Użytkownik", exact=True).fill(number)
    page.get_by_label("Hasło", exact=True).fill(password)
    # Wait for the panel to load: a test that goes on at once would race the login's response.
    with page.expect_navigation():
        page.get_by_role("button", name="Zaloguj").click()


def log_in_to_the_office(page, username, password, code):
    """The admin's two steps in Polish: username and password, then the app's code."""
    page.get_by_label("Nazwa użytkownika").fill(username)
    page.get_by_label("Hasło").fill(password)
    page.get_by_role("button", name="Zaloguj").click()
    page.get_by_label("Kod").fill(code)
    page.get_by_role("button", name="Zaloguj").click()


WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def assert_accessible(page, context=None):
    """axe-core finds no WCAG 2.1 A/AA violation on the page as it is now (or in the part of
    it that the CSS selector `context` names)."""
    results = Axe().run(page, context=context, options=WCAG_AA)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def make_point_with_meter(customer, code="P1", serial="WM-001"):
    from ebok.customers.models import Meter, ServicePoint

    point = ServicePoint.objects.create(
        customer=customer, code=code, postal_code="07-100", city="Węgrów", street=customer.street
    )
    meter = Meter.objects.create(
        service_point=point, serial_number=serial, installed_on=date(2015, 1, 1)
    )
    return point, meter


def make_history(customer, years, start_year=2016, serial="WM-001"):
    """Bi-monthly readings and invoices (paid) for so many years, plus one reading a month apart."""
    from ebok.billing.models import Invoice, InvoiceLine, Payment
    from ebok.customers.models import Reading

    point, meter = make_point_with_meter(customer, code=f"P-{customer.number}", serial=serial)
    value = Decimal("100.000")
    for year in range(start_year, start_year + years):
        for month in range(1, 13, 2):
            value += Decimal("9.500")
            day = date(year, month, 15)
            Reading.objects.create(meter=meter, read_on=day, value=value, source="reader")
            invoice = Invoice.objects.create(
                customer=customer,
                number=f"FV/{customer.number}/{year}/{month:02d}",
                issued_on=day,
                period_start=date(year, month, 1),
                period_end=day,
                due_on=day + timedelta(days=14),
                net=Decimal("100.00"),
                vat=Decimal("8.00"),
                gross=Decimal("108.00"),
            )
            InvoiceLine.objects.create(
                invoice=invoice,
                service_point=point,
                description="Woda",
                quantity=Decimal("9.500"),
                unit="m³",
                unit_net_price=Decimal("10.5263"),
                vat_rate=Decimal("8.00"),
                net=Decimal("100.00"),
                vat=Decimal("8.00"),
                gross=Decimal("108.00"),
            )
            Payment.objects.create(
                customer=customer, paid_on=day + timedelta(days=10), amount=Decimal("108.00")
            )
    return point, meter


def kill_where_it_pauses(code: str, arguments, *, environment, cwd, wait=120) -> None:
    """Run `python -c code marker *arguments`, wait until the process writes the file `marker`
    (where it pauses, at the point a test wants it killed) and kill it with SIGKILL.

    A kill timed by polling the process's effects can land after the point on a fast machine;
    the code says when it is there. Fails if the process ends or never gets there.
    """
    with tempfile.TemporaryDirectory() as folder:
        marker = Path(folder) / "paused"
        process = subprocess.Popen(  # noqa: S603 - a test's own code
            [sys.executable, "-c", code, str(marker), *arguments],
            cwd=cwd,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            deadline = time.monotonic() + wait
            while not marker.exists() and time.monotonic() < deadline:
                assert process.poll() is None, process.stderr.read().decode()
                time.sleep(0.05)
            assert marker.exists(), f"the process did not pause within {wait} s"
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)
            process.stderr.close()
    assert process.returncode == -signal.SIGKILL


def pdf_text(pdf: bytes | str | Path, pages=None, window=None) -> str:
    """The text of a PDF as a reader copies it, line by line, each page ended by a form feed.

    `pdf` is the document or its path; `pages` the numbers (from 1) of the pages to read, all
    by default. `window` (left, top, width, height in points from the page's top left corner)
    keeps only the characters printed inside it, as an envelope's window shows the page.
    """
    numbers = None if pages is None else {number - 1 for number in pages}
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    if window is None:
        return extract_text(source, page_numbers=numbers)
    return "".join(
        "\n".join(_lines_inside(page, *window)) + "\f"
        for page in extract_pages(source, page_numbers=numbers)
    )


def _lines_inside(page, left, top, width, height):
    # PDF coordinates start at the bottom left corner; the window is measured from the top.
    bottom = page.height - top - height

    def inside(char):
        return (
            left <= char.x0
            and char.x1 <= left + width
            and bottom <= char.y0
            and char.y1 <= bottom + height
        )

    def lines(element):
        if isinstance(element, LTTextLine):
            yield element
        elif isinstance(element, LTTextContainer):
            for child in element:
                yield from lines(child)

    found = [line for element in page for line in lines(element)]
    for line in sorted(found, key=lambda line: (-line.y1, line.x0)):
        # Spaces between words are LTAnno, without a position: kept with the words around them.
        text = "".join(c.get_text() for c in line if isinstance(c, LTAnno) or inside(c))
        if text.strip():
            yield text.strip()
