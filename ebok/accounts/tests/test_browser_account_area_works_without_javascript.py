""" "My account" in Chromium with JavaScript off: every task but adding or using a passkey is an
ordinary form, and the security page says that passkeys need JavaScript."""

import json
import re
import zipfile

import pytest
from playwright.sync_api import expect

from ebok.accounts.consents import record_consents
from ebok.accounts.models import Passkey
from ebok.testing import PASSWORD, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def page(browser, browser_context_args):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_the_account_area_works_without_javascript(
    live_server, page, account, customer, media, tmp_path
):
    record_consents(customer, terms=None, e_invoice=True, ip_address="127.0.0.1")
    Passkey.objects.create(
        user=account, name="Mój telefon", credential_id="Y3JlZA", public_key=b"\x01"
    )
    page.goto("/")
    log_in(page, "001234", PASSWORD)

    page.goto("/account/contact/")
    page.get_by_role("textbox", name="Telefon komórkowy").fill("601 234 567")
    page.get_by_role("button", name="Zapisz numer telefonu").click()
    expect(page.get_by_text("Numer telefonu komórkowego został zapisany.")).to_be_visible()
    account.refresh_from_db()
    assert account.phone == "+48601234567"

    page.goto("/account/consents/")
    page.get_by_role("button", name="Wycofaj zgodę: faktury papierowe").click()
    expect(page.get_by_text("Faktury będą teraz przychodzić w wersji papierowej.")).to_be_visible()

    page.goto("/account/security/")
    expect(page.get_by_text(re.compile("^Klucze dostępu wymagają JavaScriptu"))).to_be_visible()
    page.get_by_role("link", name="Zmień nazwę „Mój telefon”").click()
    page.get_by_label("Nazwa klucza dostępu").fill("Telefon służbowy")
    page.get_by_role("button", name="Zapisz nazwę").click()
    expect(page.locator("#passkeys tbody tr")).to_contain_text("Telefon służbowy")

    page.goto("/account/data/")
    page.get_by_role("button", name="Przygotuj moje dane").click()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"Pobierz plik ZIP")).click()
    path = tmp_path / "dane.zip"
    download.value.save_as(path)
    data = json.loads(zipfile.ZipFile(path).read("data.json"))
    assert data["customer"]["login"]["mobile_phone"] == "+48601234567"
    assert [(row["kind"], row["given"]) for row in data["consents"]] == [
        ("terms", True),
        ("e_invoice", True),
        ("e_invoice", False),
    ]
