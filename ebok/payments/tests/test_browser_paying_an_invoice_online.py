"""A customer pays an invoice online in a real browser: "Zapłać" on the invoice list, the
amount (typed with the keyboard alone), the gateway's page on the local Przelewy24, back to the
status page, the payment shown in progress on the payments tab. axe-core on every payment page
at a phone's and a desktop's width, in Polish and English."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ebok.accounts.models import Membership
from ebok.payments import services
from ebok.payments.models import OnlinePayment
from ebok.payments.providers import configured
from ebok.testing import PASSWORD, VIEWPORTS, assert_accessible, log_in, make_customer

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_customer_pays_an_invoice_end_to_end(live_server, page, account, unpaid_invoice, p24):
    page.goto("/")
    log_in(page, "001234", PASSWORD)
    page.get_by_role("link", name="Faktury/naliczenia").click()
    page.get_by_role("link", name="Zapłać FV/2026/0042").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zapłać online.")
    amount = page.get_by_label("Kwota do zapłaty (zł)")
    expect(amount).to_have_value("120,00")
    amount.focus()
    page.keyboard.press("Enter")

    # The provider's gateway (the local Przelewy24), then back to eBOK.
    expect(page).to_have_url(re.compile(re.escape(f"{p24.url}/trnRequest/T")))
    expect(page.get_by_text("120,00 PLN")).to_be_visible()
    page.get_by_role("button", name="Zapłać BLIK").click()

    expect(page.get_by_role("status")).to_contain_text("Dziękujemy: płatność została przyjęta.")
    assert OnlinePayment.objects.get().state == OnlinePayment.State.PAID
    page.get_by_role("link", name="Wróć do płatności").click()
    in_progress = page.get_by_role("region", name="Płatności w toku")
    expect(in_progress).to_contain_text("120,00\xa0zł")
    expect(in_progress).to_contain_text("FV/2026/0042")
    expect(in_progress).to_contain_text("płatność w toku")


@pytest.fixture
def two_numbers(account, customer, unpaid_invoice, p24, settings):
    """A second number with something due, a paid online payment of the first, and the
    customers' own accounts for transfers."""
    settings.PAYMENT_BANK_CODE = "10204027"
    other = make_customer(number="004321", name="Działka Jana")
    other.invoices.create(
        number="FV/2026/0099",
        issued_on=unpaid_invoice.issued_on,
        due_on=unpaid_invoice.due_on,
        net=30,
        vat=0,
        gross=30,
    )
    Membership.objects.create(user=account, customer=other, role=Membership.Role.OWNER)
    services.start(
        configured(),
        [services.Part(customer, unpaid_invoice.gross, unpaid_invoice)],
        user=account,
        description="Klient 001234",
        email="jan@example.pl",
        language="pl",
        urls=lambda payment: ("http://127.0.0.1/r", "http://127.0.0.1/n"),
    )
    OnlinePayment.objects.update(state=OnlinePayment.State.PAID, paid_at=timezone.now())
    return OnlinePayment.objects.get()


@pytest.mark.parametrize(
    ("language", "viewport"),
    [(language, viewport) for language in ("pl", "en") for viewport in VIEWPORTS],
)
def test_payment_pages_have_no_accessibility_violations(
    live_server, page, two_numbers, language, viewport
):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto("/")
    if language == "en":
        page.get_by_role("button", name="English").click()
    page.get_by_label("Użytkownik" if language == "pl" else "User", exact=True).fill("001234")
    page.get_by_label("Hasło" if language == "pl" else "Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj" if language == "pl" else "Log in").click()
    for path in (
        "/panel/pay/",
        f"/panel/pay/{two_numbers.session_id}/",
        "/panel/payments/",
        "/panel/pay/numbers/",
        "/panel/invoices/",
    ):
        page.goto(path)
        if path == "/panel/payments/":
            # The transfer's QR code only where it can be scanned: not on the phone itself.
            qr = page.locator(".transfer__qr svg")
            if viewport == "desktop":
                expect(qr).to_be_visible()
            else:
                expect(qr).to_be_hidden()
        assert_accessible(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the window"
    page.goto("/panel/pay/")
    go = "Przejdź do płatności" if language == "pl" else "Go to payment"
    page.get_by_label("Kwota do zapłaty (zł)" if language == "pl" else "Amount to pay (PLN)").fill(
        "0"
    )
    with page.expect_navigation():
        page.get_by_role("button", name=go).click()
    assert_accessible(page)  # with the form's error shown
