"""The customer office hands a customer a temporary password, in a real browser.

An operator logs in to the admin (password, then the authenticator app's code), finds customer
001234, asks for a temporary password, reads on the confirmation page what it replaces,
confirms and downloads the letter; the customer's page then shows the password's expiry, and
the customer logs in with the password printed in the letter and is led to the form that
changes it.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from ebok.backoffice.roles import OPERATOR
from ebok.backoffice.tests.conftest import STAFF_PASSWORD, make_staff
from ebok.testing import (
    WCAG_AA,
    authenticator,
    current_code,
    log_in,
    log_in_to_the_office,
    make_customer,
    pdf_text,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def operator_account(roles):
    make_customer()
    operator = make_staff("operator", OPERATOR)
    authenticator(operator)
    return operator


def test_operator_prints_a_letter_whose_password_logs_the_customer_in(
    live_server, page, browser, operator_account, tmp_path
):
    page.goto("/admin/")
    code = current_code(authenticator(operator_account))
    log_in_to_the_office(page, "operator", STAFF_PASSWORD, code)

    page.locator("#customers-customer").get_by_role("link", name="Klienci").click()
    page.get_by_role("searchbox").fill("001234")
    page.get_by_role("button", name="Szukaj").click()
    page.get_by_role("link", name="001234").click()

    panel = page.get_by_role("region", name="Konto klienta")
    expect(panel.get_by_text("Brak konta")).to_be_visible()
    assert_accessible_panel(page)
    panel.get_by_role("button", name="Wydaj hasło tymczasowe i drukuj list").click()

    expect(page.get_by_role("heading", name="Wydać hasło tymczasowe?")).to_be_visible()
    expect(page.get_by_text("nie ma jeszcze hasła.")).to_be_visible()
    assert_accessible_confirmation(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Tak, wydaj hasło i drukuj list").click()
    download = download_info.value
    assert download.suggested_filename == "e-BOK-001234.pdf"
    text = pdf_text(download.path())
    assert "Jan Węgrowski" in text
    password = re.search(r"Hasło tymczasowe:\s+(\S+)", text).group(1)

    page.get_by_role("link", name="Wróć do klienta").click()
    expect(panel.get_by_text("Wydano hasło tymczasowe, jeszcze niezmienione")).to_be_visible()
    expires = timezone.localtime(
        get_user_model().objects.get(username="001234").temporary_password_expires_at
    )
    expect(panel).to_contain_text(f"(do {expires:%Y-%m-%d %H:%M})")

    customer = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    customer.goto("/")
    log_in(customer, "001234", password)
    expect(customer).to_have_url(re.compile(r"/password/change/$"))
    expect(customer.get_by_role("heading", name="Zmiana hasła.")).to_be_visible()
    customer.context.close()


def assert_accessible_confirmation(page):
    """The confirmation page's own content meets WCAG 2.1 AA."""
    results = Axe().run(page, context="#letter-confirmation", options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


def assert_accessible_panel(page):
    """The account panel (ours, unlike the rest of Django's admin) meets WCAG 2.1 AA."""
    results = Axe().run(page, context="#account-panel", options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
