"""A property manager with three customer numbers, in a real browser: logs in with one, switches
with the header's form (by mouse, by keyboard alone, and with JavaScript off), reads each
number's invoices, sees all three on "Moje numery" and pays two of them in one online payment;
axe-core at a phone's and a desktop's width, in Polish and English."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from ebok.accounts.models import Membership
from ebok.billing.balance import balance
from ebok.billing.formatting import money
from ebok.payments.models import OnlinePayment
from ebok.payments.testing import Przelewy24Server
from ebok.testing import (
    PASSWORD,
    VIEWPORTS,
    assert_accessible,
    log_in,
    make_account,
    make_customer,
    make_history,
)

pytestmark = pytest.mark.django_db(transaction=True)

NUMBERS = ["000101", "000202", "000303"]


@pytest.fixture
def manager(db):
    """The manager's own number and two buildings they administer (owner of one, viewer of
    the other); each number with a year of invoices, the last one unpaid."""
    customers = [
        make_customer(number=NUMBERS[0], name="Anna Zarządca", street="ul. Rynek 1"),
        make_customer(number=NUMBERS[1], name="Wspólnota Gdańska 3", street="ul. Gdańska 3"),
        make_customer(number=NUMBERS[2], name="Wspólnota Polna 7", street="ul. Polna 7"),
    ]
    for index, customer in enumerate(customers):
        make_history(customer, years=1, start_year=2025, serial=f"M-{index}")
        customer.payments.order_by("-paid_on").first().delete()
    login = make_account(customers[0])
    Membership.objects.create(user=login, customer=customers[1], role=Membership.Role.OWNER)
    Membership.objects.create(user=login, customer=customers[2], role=Membership.Role.VIEWER)
    return customers


def switch_to(page, number):
    page.get_by_label("Numer klienta").select_option(value=number)
    page.get_by_role("button", name="Przełącz").click()


def test_the_manager_switches_numbers_and_reads_each_ones_invoices(live_server, page, manager):
    page.goto("/")
    log_in(page, NUMBERS[1], PASSWORD)
    expect(page.get_by_text(f"Witaj, {NUMBERS[1]} !")).to_be_visible()

    for customer in (manager[2], manager[0], manager[1]):
        page.get_by_role("link", name="Faktury/naliczenia").click()
        switch_to(page, customer.number)
        # The same tab, now for the other number.
        expect(page).to_have_url(re.compile(r"/panel/invoices/$"))
        expect(page.get_by_text(f"Witaj, {customer.number} !")).to_be_visible()
        numbers_on_page = set(re.findall(r"FV/(\d{6})/", page.get_by_role("main").inner_text()))
        assert numbers_on_page == {customer.number}
        page.get_by_role("link", name=f"FV/{customer.number}/2025/11").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(
            f"FV/{customer.number}/2025/11"
        )

    page.get_by_role("link", name="Moje numery").click()
    rows = page.get_by_role("row")
    for customer in manager:
        row = rows.filter(has_text=customer.number)
        expect(row).to_contain_text(customer.name)
        expect(row).to_contain_text(money(balance(customer).amount_due))
    expect(rows.filter(has_text=NUMBERS[2])).to_contain_text("przeglądający")
    rows.filter(has_text=NUMBERS[2]).get_by_role("button").click()
    expect(page.get_by_text(f"Witaj, {NUMBERS[2]} !")).to_be_visible()


@pytest.fixture
def p24(settings):
    """A local Przelewy24, and eBOK configured to use it."""
    with Przelewy24Server() as server:
        for name, value in server.settings().items():
            setattr(settings, name, value)
        yield server


def test_the_manager_pays_two_numbers_in_one_payment(live_server, page, manager, p24):
    due = {customer.number: balance(customer).amount_due for customer in manager[:2]}
    page.goto("/")
    log_in(page, NUMBERS[0], PASSWORD)
    page.get_by_role("link", name="Moje numery").click()
    page.get_by_role("link", name="Zapłać za kilka numerów naraz").click()
    # Every number with something due comes ticked; the third is left for later.
    expect(page.get_by_label(f"{NUMBERS[0]}, Anna Zarządca")).to_be_checked()
    expect(page.get_by_label(f"{NUMBERS[1]}, Wspólnota Gdańska 3")).to_be_checked()
    page.get_by_label(f"{NUMBERS[2]}, Wspólnota Polna 7").uncheck()
    page.get_by_role("button", name="Przejdź do płatności").click()

    # The gateway asks for the sum of the two, in one transaction.
    total = sum(due.values())
    expect(page).to_have_url(re.compile(re.escape(f"{p24.url}/trnRequest/T")))
    expect(page.get_by_text(f"{total:.2f} PLN".replace(".", ","))).to_be_visible()
    page.get_by_role("button", name="Zapłać BLIK").click()
    expect(page.get_by_role("status")).to_contain_text("Dziękujemy: płatność została przyjęta.")

    payment = OnlinePayment.objects.get()
    assert payment.state == OnlinePayment.State.PAID
    parts = {part.customer.number: part.amount for part in payment.parts.all()}
    assert parts == due


def test_the_switcher_works_with_the_keyboard_alone(live_server, page, manager):
    page.goto("/")
    log_in(page, NUMBERS[0], PASSWORD)
    select = page.get_by_label("Numer klienta")
    select.focus()
    page.keyboard.press("ArrowDown")  # the next number in the list
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Przełącz")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text(f"Witaj, {NUMBERS[1]} !")).to_be_visible()


def test_the_switcher_works_without_javascript(live_server, browser, manager):
    context = browser.new_context(
        java_script_enabled=False, base_url=live_server.url, locale="pl-PL"
    )
    page = context.new_page()
    page.goto("/")
    log_in(page, NUMBERS[0], PASSWORD)
    switch_to(page, NUMBERS[2])
    expect(page.get_by_text(f"Witaj, {NUMBERS[2]} !")).to_be_visible()
    context.close()


@pytest.mark.parametrize(
    ("language", "viewport"),
    [(language, viewport) for language in ("pl", "en") for viewport in VIEWPORTS],
)
def test_switcher_and_numbers_page_have_no_accessibility_violations(
    live_server, page, manager, language, viewport
):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto("/")
    if language == "en":
        page.get_by_role("button", name="English").click()
    page.get_by_label("Użytkownik" if language == "pl" else "User", exact=True).fill(NUMBERS[0])
    page.get_by_label("Hasło" if language == "pl" else "Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj" if language == "pl" else "Log in").click()
    for path in ("/panel/", "/panel/numbers/"):
        page.goto(path)
        assert_accessible(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the window"


@pytest.mark.parametrize(
    ("language", "viewport"),
    [(language, viewport) for language in ("pl", "en") for viewport in VIEWPORTS],
)
def test_access_pages_have_no_accessibility_violations(
    live_server, page, manager, language, viewport
):
    """Adding a number (with an error), the owner's access page with an invitation pending, and
    the invitation's page as the person invited sees it."""
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto("/")
    if language == "en":
        page.get_by_role("button", name="English").click()
    page.get_by_label("Użytkownik" if language == "pl" else "User", exact=True).fill(NUMBERS[0])
    page.get_by_label("Hasło" if language == "pl" else "Password", exact=True).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Zaloguj" if language == "pl" else "Log in").click()

    page.goto("/panel/numbers/add/")
    check_page(page)
    with page.expect_navigation():
        page.locator("main form button").click()  # nothing typed: each field says so
    check_page(page)

    page.goto("/panel/access/")
    page.locator("input[type=email]").fill("gosc@example.pl")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    check_page(page)

    invitation = re.search(r"https?://\S+", mail.outbox[-1].body)[0]
    with page.expect_navigation():
        page.get_by_role("button", name="Wyloguj" if language == "pl" else "Log out").click()
    page.goto(invitation)
    check_page(page)


def check_page(page):
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the window"
