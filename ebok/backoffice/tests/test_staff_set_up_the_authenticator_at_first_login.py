"""A staff member without an authenticator app sets one up after the password: a QR code and
the key in text, a first code to confirm it, then recovery codes shown once."""

import base64
import datetime as dt
import re
import urllib.parse

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ebok.audit.models import AuditEvent
from ebok.backoffice.roles import OPERATOR
from ebok.backoffice.tests.conftest import enter_code, enter_password, make_staff
from ebok.testing import authenticator

pytestmark = pytest.mark.django_db

SETUP = "admin:login_enrol"
CUSTOMERS = reverse("admin:customers_customer_changelist")


@pytest.fixture
def newcomer(roles, client, clock):
    """An operator without an app, who has just given the right password."""
    user = make_staff("operator", OPERATOR)
    response = enter_password(client)
    assert response.url.startswith(reverse(SETUP))
    return user


def key_on_the_page(page: str) -> bytes:
    secret = re.search(r'<code class="door-secret">([A-Z2-7 ]+)</code>', page).group(1)
    return base64.b32decode(secret.replace(" ", ""))


def code_for(key: bytes) -> str:
    return f"{totp(key):06d}"


def test_the_page_shows_a_qr_code_and_the_key_in_text(client, newcomer):
    page = client.get(reverse(SETUP)).content.decode()
    assert "Skonfiguruj aplikację uwierzytelniającą" in page
    qr = re.search(r'<img class="door-qr" src="data:image/svg\+xml[^"]*"', page)
    assert qr is not None
    key = key_on_the_page(page)
    assert len(key) == 20
    # The QR code carries the same key, for this user and this portal.
    svg = urllib.parse.unquote(qr.group(0))
    assert "<svg" in svg
    device = TOTPDevice.objects.get(user=newcomer)
    assert device.bin_key == key
    assert not device.confirmed
    assert base64.b32encode(key).decode() in device.config_url
    assert "operator" in device.config_url


def test_the_key_stays_the_same_until_it_is_confirmed(client, newcomer):
    first = key_on_the_page(client.get(reverse(SETUP)).content.decode())
    second = key_on_the_page(client.get(reverse(SETUP)).content.decode())
    assert first == second
    assert TOTPDevice.objects.filter(user=newcomer).count() == 1


def test_a_wrong_first_code_sets_nothing_up(client, newcomer):
    page = client.get(reverse(SETUP)).content.decode()
    wrong = f"{(int(code_for(key_on_the_page(page))) + 1) % 1_000_000:06d}"
    response = enter_code(client, wrong, step=SETUP)
    assert "Ten kod jest niepoprawny" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=newcomer, confirmed=True).exists()
    assert client.get(CUSTOMERS).status_code == 302


def test_the_first_code_confirms_the_app_and_shows_ten_recovery_codes_once(client, newcomer):
    key = key_on_the_page(client.get(reverse(SETUP)).content.decode())
    response = enter_code(client, code_for(key), step=SETUP)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Twoje kody zapasowe" in page
    assert "no-store" in response["Cache-Control"]
    shown = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(set(shown)) == 10
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(shown)
    assert TOTPDevice.objects.get(user=newcomer).confirmed

    # The session is through the door; the set-up page does not come back.
    assert client.get(CUSTOMERS).status_code == 200
    assert client.get(reverse(SETUP)).url == reverse("admin:login")
    kinds = list(AuditEvent.objects.order_by("id").values_list("kind", flat=True))
    assert kinds == [AuditEvent.Kind.STAFF_TWO_FACTOR_ENROLLED, AuditEvent.Kind.STAFF_LOGIN]


def test_after_set_up_the_next_login_asks_for_the_code(client, newcomer, clock):
    key = key_on_the_page(client.get(reverse(SETUP)).content.decode())
    enter_code(client, code_for(key), step=SETUP)
    client.logout()

    response = enter_password(client)
    assert response.url.startswith(reverse("admin:login_code"))
    # The code that confirmed the app cannot be used again.
    assert "Ten kod jest niepoprawny" in enter_code(client, code_for(key)).content.decode()
    clock.shift(dt.timedelta(seconds=30))
    assert enter_code(client, code_for(key)).url == reverse("admin:index")


def test_first_code_guesses_are_throttled(client, newcomer):
    for _ in range(5):
        enter_code(client, "000000", step=SETUP)
    key = key_on_the_page(client.get(reverse(SETUP)).content.decode())
    response = enter_code(client, code_for(key), step=SETUP)
    assert "Zbyt wiele nieudanych prób logowania." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=newcomer, confirmed=True).exists()


def test_staff_with_an_app_are_sent_to_the_code_instead(client, roles):
    authenticator(make_staff("operator", OPERATOR))
    enter_password(client)
    assert client.get(reverse(SETUP)).url.startswith(reverse("admin:login_code"))
    assert TOTPDevice.objects.count() == 1
