"""The "Powiadomienia" page in a real browser without JavaScript: the customer turns a notice
on with the keyboard alone and saves; axe-core finds nothing at phone and desktop width, in
Polish and in English."""

import pytest
from playwright.sync_api import expect

from ebok.notifications.models import Preference
from ebok.notifications.tests.helpers import make_invoice
from ebok.testing import PASSWORD, VIEWPORTS, assert_accessible, log_in, make_account, make_customer

pytestmark = pytest.mark.django_db(transaction=True)


def test_preferences_are_saved_with_the_keyboard_and_the_page_is_accessible(live_server, browser):
    customer = make_customer()
    user = make_account(customer)
    user.phone = "+48601234567"
    user.save()
    make_invoice(customer)
    context = browser.new_context(
        java_script_enabled=False, base_url=live_server.url, locale="pl-PL"
    )
    page = context.new_page()
    page.goto("/")
    log_in(page, customer.number, PASSWORD)
    page.goto("/account/notifications/")
    expect(page.get_by_role("heading", name="Powiadomienia.")).to_be_visible()

    box = page.get_by_label("Otrzymana wpłata: e-mail")
    box.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Zapisz").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_text("Ustawienia powiadomień zostały zapisane.")).to_be_visible()
    assert Preference.objects.get(
        customer=customer, event="payment_received", channel="email"
    ).enabled
    context.close()

    # axe-core runs in the page, so this part has JavaScript.
    page = browser.new_page(base_url=live_server.url, locale="pl-PL")
    page.goto("/")
    log_in(page, customer.number, PASSWORD)
    page.goto("/account/notifications/")
    for language, heading in [("pl", "Powiadomienia."), ("en", "Notifications.")]:
        if language == "en":
            page.get_by_role("button", name="English").click()
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        for viewport in VIEWPORTS.values():
            page.set_viewport_size(viewport)
            assert_accessible(page)
    page.close()
