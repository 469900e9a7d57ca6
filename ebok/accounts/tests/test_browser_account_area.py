""" "My account" walked in Chromium: the e-mail changed with the link read from the real SMTP
message, the e-invoice consent withdrawn and given again, "log out everywhere else" ending the
session of another browser; then axe-core on every section in both languages and widths."""

import json
import re
import zipfile
from datetime import UTC, datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ebok.accounts.consents import record_consents
from ebok.accounts.models import DataExport, Passkey
from ebok.billing.models import Invoice, Payment
from ebok.customers.models import Reading
from ebok.notifications.models import Channel, Notice
from ebok.testing import PASSWORD, VIEWPORTS, assert_accessible, log_in, make_history

pytestmark = pytest.mark.django_db(transaction=True)

NEW = "jan.nowy@example.pl"


@pytest.fixture
def jan(account, customer):
    record_consents(customer, terms=None, e_invoice=True, ip_address="127.0.0.1")
    return account


def test_customer_changes_email_consent_and_ends_other_sessions(
    live_server, page, browser, browser_context_args, jan, smtp_server
):
    page.goto("/")
    log_in(page, "001234", PASSWORD)
    page.get_by_role("link", name="Witaj, 001234 !", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zmiana hasła.")
    nav = page.get_by_role("navigation", name="Moje konto")
    expect(nav.get_by_role("link", name="Zmiana hasła")).to_have_attribute("aria-current", "page")
    nav.get_by_role("link", name="Dane kontaktowe").click()

    # A wrong password: a clear message, the address typed is kept, nothing sent.
    page.get_by_label("Nowy adres e-mail").fill(NEW)
    page.get_by_label("Aktualne hasło").fill("not-my-password")
    page.get_by_role("button", name="Zmień adres e-mail").click()
    expect(page.get_by_text("Aktualne hasło jest nieprawidłowe.")).to_be_visible()
    expect(page.get_by_label("Nowy adres e-mail")).to_have_value(NEW)
    assert smtp_server.to(NEW) == []

    page.get_by_label("Aktualne hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zmień adres e-mail").click()
    expect(page.get_by_text(f"Wysłaliśmy link na adres {NEW}.")).to_be_visible()
    expect(page.locator("#email-on-file")).to_have_text("jan@example.pl")
    page.goto(smtp_server.link_in_last(NEW))
    page.locator("main form button").click()
    expect(page.get_by_text(NEW)).to_be_visible()
    [told] = smtp_server.to("jan@example.pl")
    assert told["Subject"] == "Adres e-mail Twojego konta w e-BOK został zmieniony"
    page.goto("/account/contact/")
    expect(page.locator("#email-on-file")).to_have_text(NEW)

    # The consent, withdrawn and given again.
    page.get_by_role("navigation", name="Moje konto").get_by_role("link", name="Zgody").click()
    expect(page.locator("#e-invoice-state")).to_contain_text("faktury przychodzą e-mailem")
    page.get_by_role("button", name="Wycofaj zgodę: faktury papierowe").click()
    expect(page.locator("#e-invoice-state")).to_contain_text("w wersji papierowej")
    page.get_by_role("button", name="Wyraź zgodę: faktury e-mailem").click()
    expect(page.locator("#e-invoice-state")).to_contain_text("faktury przychodzą e-mailem")
    expect(page.locator("#consent-history tbody tr")).to_have_count(3)

    # Another browser is logged in; the keyboard alone ends its session from here.
    other = browser.new_context(**browser_context_args)
    elsewhere = other.new_page()
    elsewhere.goto("/")
    log_in(elsewhere, "001234", PASSWORD)
    expect(elsewhere).to_have_url(re.compile(r"/panel/$"))
    page.get_by_role("navigation", name="Moje konto").get_by_role(
        "link", name="Bezpieczeństwo"
    ).click()
    expect(page.locator("#login-history tbody tr").first).to_contain_text("Logowanie")
    page.get_by_role("button", name="Wyloguj wszędzie indziej").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Wszystkie inne sesje tego loginu zostały zakończone.")).to_be_visible()
    elsewhere.reload()
    expect(elsewhere.get_by_role("heading", level=1)).to_have_text("Logowanie.")
    other.close()
    page.goto("/panel/")
    expect(page.get_by_role("link", name="Witaj, 001234 !", exact=True)).to_be_visible()


def test_customer_downloads_their_data_and_it_matches_the_database(
    live_server, page, jan, customer, media, tmp_path
):
    make_history(customer, years=1)
    for invoice in Invoice.objects.all()[:3]:
        Notice.objects.create(
            customer=customer,
            event="new_invoice",
            occasion=f"invoice-{invoice.pk}",
            channel=Channel.EMAIL,
            recipient="jan@example.pl",
            subject=f"Nowa faktura {invoice.number}",
            status=Notice.Status.SENT,
            sent_at=datetime.combine(invoice.issued_on, time(8), tzinfo=UTC),
        )
    page.goto("/")
    log_in(page, "001234", PASSWORD)
    page.goto("/account/data/")
    page.get_by_role("button", name="Przygotuj moje dane").click()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"Pobierz plik ZIP")).click()
    path = tmp_path / "dane.zip"
    download.value.save_as(path)
    data = json.loads(zipfile.ZipFile(path).read("data.json"))
    assert data["customer"]["number"] == "001234"
    assert [row["number"] for row in data["invoices"]] == list(
        Invoice.objects.order_by("issued_on", "pk").values_list("number", flat=True)
    )
    assert [row["amount"] for row in data["payments"]] == [
        str(amount)
        for amount in Payment.objects.order_by("paid_on", "pk").values_list("amount", flat=True)
    ]
    assert len(data["readings"]) == Reading.objects.count()
    assert [row["kind"] for row in data["consents"]] == ["terms", "e_invoice"]
    notices = Notice.objects.filter(customer=customer).order_by("created_at", "pk")
    assert [(row["subject"], row["status"], row["sent_at"]) for row in data["notices"]] == [
        (notice.subject, notice.status, notice.sent_at.isoformat()) for notice in notices
    ]
    assert len(data["notices"]) == 3


SECTIONS = [
    "/password/change/",
    "/account/contact/",
    "/account/consents/",
    "/account/security/",
    "/account/data/",
]


@pytest.mark.parametrize(
    ("language", "viewport"),
    [(language, viewport) for language in ["pl", "en"] for viewport in VIEWPORTS],
)
def test_account_pages_have_no_accessibility_violations(live_server, page, jan, language, viewport):
    # The pages reached from a passkey and from an export whose link has run out.
    passkey = Passkey.objects.create(
        user=jan, name="Mój telefon", credential_id="Y3JlZA", public_key=b"\x01"
    )
    asked = timezone.now() - timedelta(days=2)
    expired = DataExport.objects.create(
        user=jan,
        customer=jan.customer,
        status=DataExport.Status.EXPIRED,
        created_at=asked,
        expires_at=asked + timedelta(hours=24),
    )
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto("/")
    if language == "en":
        page.get_by_role("button", name="English").click()
        _log_in_en(page)
    else:
        log_in(page, "001234", PASSWORD)
    for path in SECTIONS:
        page.goto(path)
        check(page)
    page.goto(f"/account/security/passkeys/{passkey.pk}/rename/")
    expect(page.locator("#id_name")).to_have_value("Mój telefon")
    check(page)
    page.goto(f"/account/data/{expired.pk}/download/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "The download link has expired." if language == "en" else "Link do pobrania wygasł."
    )
    check(page)
    # Errors shown beside their fields.
    page.goto("/account/contact/")
    page.locator("#id_phone").fill("12345")
    page.locator("#id_phone").press("Enter")
    expect(page.locator("#id_phone")).to_have_value("12345")
    check(page)


def _log_in_en(page):
    page.get_by_label("User", exact=True).fill("001234")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def check(page):
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the window"
