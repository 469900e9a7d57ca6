import pytest
import time_machine
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.core.cache import cache

from ebok.testing import NOW, SMTPServer, make_account, make_customer

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _clean_cache():
    # The throttle's state lives in the cache; every test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock():
    """Time stopped at NOW (ebok.testing) for the whole test; clock.shift() moves it on.

    A test that stops the clock makes its data at the stopped time too: request the fixture
    before the data (`pytest.mark.usefixtures("clock")` in `pytestmark` does it for a file).
    """
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def customer(db):
    return make_customer()


@pytest.fixture
def account(customer):
    return make_account(customer)


@pytest.fixture
def stranger(db):
    """Another customer, with an account of their own."""
    other = make_customer(number="009999", name="Ewa Obca", email_address="ewa@example.pl")
    make_account(other)
    return other


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on 127.0.0.1; the portal sends its e-mail there."""
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = ""
        yield server.mailbox


@pytest.fixture
def hashes(monkeypatch):
    """Counts Argon2 work (hashing and verifying) while still doing it."""
    calls = []
    for name in ["encode", "verify"]:
        real = getattr(Argon2PasswordHasher, name)

        def counted(self, *args, _real=real, **kwargs):
            calls.append(1)
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(Argon2PasswordHasher, name, counted)
    return calls


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium, never a downloaded one; no background traffic to the outside.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {**browser_context_args, "base_url": live_server.url, "locale": "pl-PL"}
