"""On a phone the transfer details have copy buttons (added by static/js/copy.js); the values
stay selectable text without JavaScript, and the QR code shows only where it can be scanned.
axe-core finds nothing at a phone's and a desktop's width, in Polish and English."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from ebok.billing.accounts import payment_account
from ebok.billing.models import Invoice
from ebok.testing import PASSWORD, VIEWPORTS, assert_accessible, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def debt(account, customer, settings):
    settings.PAYMENT_BANK_CODE = "10204027"
    Invoice.objects.create(
        customer=customer, number="FV/2026/11/000001", issued_on=date(2026, 11, 1),
        due_on=date(2026, 11, 15), net=Decimal("112.50"), vat=Decimal("9.00"),
        gross=Decimal("121.50"),
    )  # fmt: skip
    return payment_account(customer)


def test_the_buttons_copy_the_account_title_and_amount_on_a_phone(live_server, browser, debt):
    context = browser.new_context(
        base_url=live_server.url, locale="pl-PL", viewport=VIEWPORTS["phone"]
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto("/")
    log_in(page, "001234", PASSWORD)
    page.goto("/panel/payments/")
    transfer = page.get_by_role("region", name="Zapłać należność przelewem")
    expect(transfer.locator(".transfer__qr svg")).to_be_hidden()  # a phone cannot scan itself

    for index, (name, copied, shown) in enumerate(
        [
            (
                "Kopiuj numer rachunku",
                debt,
                " ".join([debt[:2], *[debt[i : i + 4] for i in range(2, 26, 4)]]),
            ),
            ("Kopiuj tytuł", "Woda i ścieki, klient 001234", "Woda i ścieki, klient 001234"),
            ("Kopiuj kwotę", "121,50", "121,50\xa0zł"),
        ]
    ):
        button = transfer.locator(".copy-button").nth(index)
        expect(button).to_have_accessible_name(name)
        button.click()
        assert page.evaluate("navigator.clipboard.readText()") == copied
        expect(button).to_have_accessible_name(name.replace("Kopiuj", "Skopiowano"))
        expect(page.get_by_role("status")).to_have_text(name.replace("Kopiuj", "Skopiowano") + ".")
        assert shown in transfer.inner_text()
    # Only the last one says it was copied; the others offer to copy again.
    expect(transfer.get_by_role("button", name="Kopiuj numer rachunku")).to_be_visible()
    context.close()


def test_without_javascript_the_details_are_text_to_select(live_server, browser, debt):
    context = browser.new_context(
        base_url=live_server.url,
        locale="pl-PL",
        viewport=VIEWPORTS["phone"],
        java_script_enabled=False,
    )
    page = context.new_page()
    page.goto("/")
    log_in(page, "001234", PASSWORD)
    page.goto("/panel/payments/")
    transfer = page.get_by_role("region", name="Zapłać należność przelewem")
    expect(transfer.get_by_role("button")).to_have_count(0)
    expect(transfer.locator("#transfer-title")).to_have_text("Woda i ścieki, klient 001234")
    assert (
        transfer.locator("#transfer-title").evaluate("e => getComputedStyle(e).userSelect")
        != "none"
    )
    context.close()


@pytest.mark.parametrize(
    ("language", "viewport"),
    [(language, viewport) for language in ("pl", "en") for viewport in VIEWPORTS],
)
def test_the_transfer_details_have_no_accessibility_violations(
    live_server, page, debt, language, viewport
):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto("/")
    if language == "en":
        page.get_by_role("button", name="English").click()
    page.get_by_label("Użytkownik" if language == "pl" else "User", exact=True).fill("001234")
    page.get_by_label("Hasło" if language == "pl" else "Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj" if language == "pl" else "Log in").click()
    page.goto("/panel/payments/")
    copy_title = "Kopiuj tytuł" if language == "pl" else "Copy the title"
    page.get_by_role("button", name=copy_title).click()
    expect(page.get_by_role("status")).not_to_be_empty()
    qr = page.locator(".transfer__qr svg")
    if viewport == "desktop":
        expect(qr).to_be_visible()
    else:
        expect(qr).to_be_hidden()
    assert_accessible(page)
    for path in ("/panel/", "/panel/invoices/", "/panel/home/"):
        page.goto(path)
        assert_accessible(page)
