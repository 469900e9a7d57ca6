"""A new staff member's first login in a real browser: password, the QR code and key of the
authenticator app, the first code, the recovery codes; then a later login with a code."""

import base64
import re

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from ebok.backoffice.roles import OPERATOR
from ebok.backoffice.tests.conftest import STAFF_PASSWORD, make_staff
from ebok.testing import assert_accessible, log_in_to_the_office

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def newcomer(roles):
    return make_staff("operator", OPERATOR)


def code_for(key: bytes, steps_ahead=0) -> str:
    """The app's code now, or that many 30-second steps ahead (still accepted: one is)."""
    return f"{totp(key, drift=steps_ahead):06d}"


def test_a_new_operator_sets_up_the_app_and_logs_in_with_it_later(page, newcomer):
    page.goto("/admin/")
    page.get_by_label("Nazwa użytkownika").fill("operator")
    page.get_by_label("Hasło").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Zaloguj").click()

    heading = page.get_by_role("heading", name="Skonfiguruj aplikację uwierzytelniającą")
    expect(heading).to_be_visible()
    qr = page.get_by_role("img", name="Kod QR dla aplikacji uwierzytelniającej")
    expect(qr).to_be_visible()
    # Loaded under the Content-Security-Policy (a data: image), not blocked.
    assert qr.evaluate("image => image.complete && image.naturalWidth > 0")
    assert_accessible(page, "#content-main")
    secret = page.locator(".door-secret").inner_text()
    key = base64.b32decode(re.sub(r"\s", "", secret))

    page.get_by_label("Kod").fill(code_for(key))
    page.get_by_role("button", name="Potwierdź").click()

    expect(page.get_by_role("heading", name="Twoje kody zapasowe")).to_be_visible()
    codes = page.locator(".door-recovery-codes li")
    expect(codes).to_have_count(10)
    assert_accessible(page, "#content-main")
    page.get_by_role("link", name="Przejdź do biura obsługi klienta").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("#customers-customer")).to_be_visible()

    page.get_by_role("button", name="Wyloguj").click()
    page.goto("/admin/")
    # The code that confirmed the app is used up; the app's next one is accepted.
    log_in_to_the_office(page, "operator", STAFF_PASSWORD, code_for(key, steps_ahead=1))
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("#customers-customer")).to_be_visible()
