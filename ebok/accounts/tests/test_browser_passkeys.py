"""A passkey added, renamed, used and removed in Chromium, with virtual authenticators over the
Chrome DevTools Protocol: the one that made the passkey, and one in a fresh browser context that
holds a copy of it. Replayed answers, and one made for another login, change nothing."""

import re
from urllib.parse import unquote_plus

import pytest
from playwright.sync_api import expect

from ebok.accounts.models import Passkey
from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD, VIEWPORTS, assert_accessible, log_in

pytestmark = pytest.mark.django_db(transaction=True)

AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
    "automaticPresenceSimulation": True,
}


def authenticator(page):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    created = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": AUTHENTICATOR})
    return cdp, created["authenticatorId"]


def post_with_token(page, url, credential):
    """What a replaying attacker does: the form's token of its own session, someone's answer."""
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    return page.request.post(url, form={"csrfmiddlewaretoken": token, "credential": credential})


def test_passkey_added_used_from_a_fresh_browser_and_removed(
    live_server, page, browser, browser_context_args, account, stranger, smtp_server
):
    cdp, authenticator_id = authenticator(page)
    page.goto("/")
    log_in(page, "001234", PASSWORD)
    page.goto("/account/security/")
    expect(page.get_by_text("Nie dodano jeszcze kluczy dostępu.")).to_be_visible()
    page.get_by_label("Nazwa klucza dostępu").fill("Mój telefon")
    page.get_by_label("Aktualne hasło").fill("not-my-password")
    page.get_by_role("button", name="Dalej").click()
    expect(page.get_by_text("Aktualne hasło jest nieprawidłowe.")).to_be_visible()
    expect(page.get_by_label("Nazwa klucza dostępu")).to_have_value("Mój telefon")
    page.get_by_label("Aktualne hasło").fill(PASSWORD)
    page.get_by_role("button", name="Dalej").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dodaj klucz dostępu.")
    for viewport in VIEWPORTS.values():
        page.set_viewport_size(viewport)
        assert_accessible(page)
    with page.expect_request(re.compile(r"/passkeys/add/finish/$")) as sent:
        page.get_by_role("button", name="Utwórz klucz dostępu").click()
    registration = dict(part.split("=", 1) for part in sent.value.post_data.split("&"))[
        "credential"
    ]
    expect(page.get_by_text("Dodano klucz dostępu „Mój telefon”.")).to_be_visible()
    expect(page.locator("#passkeys tbody tr")).to_have_count(1)
    expect(page.locator("#passkeys tbody tr")).to_contain_text("nigdy")
    assert_accessible(page)
    [added] = smtp_server.to("jan@example.pl")
    assert added["Subject"] == "Do loginu e-BOK dodano klucz dostępu"

    # Renamed on an ordinary form, with the keyboard: an empty name is refused beside the
    # field, then the new one saved.
    page.get_by_role("link", name="Zmień nazwę „Mój telefon”").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zmiana nazwy klucza dostępu.")
    name = page.get_by_label("Nazwa klucza dostępu")
    expect(name).to_have_value("Mój telefon")
    name.fill("   ")
    name.press("Enter")
    expect(page.get_by_text("Podaj nazwę klucza dostępu.")).to_be_visible()
    expect(name).to_have_attribute("aria-invalid", "true")
    for viewport in VIEWPORTS.values():
        page.set_viewport_size(viewport)
        assert_accessible(page)
    name.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("Telefon służbowy")
    page.keyboard.press("Enter")
    expect(
        page.get_by_text("Klucz dostępu „Mój telefon” nazywa się teraz „Telefon służbowy”.")
    ).to_be_visible()
    expect(page.locator("#passkeys tbody tr")).to_contain_text("Telefon służbowy")
    assert_accessible(page)
    _, renamed = smtp_server.to("jan@example.pl")
    assert renamed["Subject"] == "W loginie e-BOK zmieniono nazwę klucza dostępu"
    assert "- Telefon służbowy" in smtp_server.body(renamed)
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PASSKEY_RENAMED).count() == 1

    # Another login posting the same answer adds nothing: it was made for Jan's session.
    intruder = browser.new_context(**browser_context_args).new_page()
    intruder.goto("/")
    log_in(intruder, "009999", PASSWORD)
    intruder.goto("/account/security/")
    registration = unquote_plus(registration)
    post_with_token(intruder, "/account/security/passkeys/add/finish/", registration)
    assert Passkey.objects.count() == 1
    assert not Passkey.objects.filter(user__username="009999").exists()

    # A fresh browser holding a copy of the passkey logs in with it, no number typed.
    [credential] = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})[
        "credentials"
    ]
    fresh_context = browser.new_context(**browser_context_args)
    fresh = fresh_context.new_page()
    fresh_cdp, fresh_id = authenticator(fresh)
    fresh_cdp.send(
        "WebAuthn.addCredential", {"authenticatorId": fresh_id, "credential": credential}
    )
    fresh.goto("/")
    expect(fresh.get_by_role("heading", name="Zaloguj kluczem dostępu")).to_be_visible()
    with fresh.expect_request(re.compile(r"/login/passkey/$")) as sent:
        fresh.get_by_role("button", name="Użyj klucza dostępu").click()
    expect(fresh).to_have_url(re.compile(r"/panel/$"))
    expect(fresh.get_by_role("link", name="Witaj, 001234 !", exact=True)).to_be_visible()
    answer = unquote_plus(
        dict(part.split("=", 1) for part in sent.value.post_data.split("&"))["credential"]
    )

    # The same answer replayed, even after asking for a new challenge, logs nobody in.
    replay = browser.new_context(**browser_context_args).new_page()
    replay.goto("/")
    token = replay.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    replay.request.post("/login/passkey/options/", headers={"X-CSRFToken": token})
    response = post_with_token(replay, "/login/passkey/", answer)
    assert "Ten klucz dostępu nie pozwolił się zalogować." in response.text()
    replay.goto("/panel/")
    expect(replay.get_by_role("heading", level=1)).to_have_text("Logowanie.")
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PASSKEY_LOGIN_FAILED).count() == 1

    # Back in the first browser: last used is shown; removing it leaves the password.
    page.reload()
    expect(page.locator("#passkeys tbody tr")).not_to_contain_text("nigdy")
    page.get_by_role("button", name="Usuń „Telefon służbowy”").click()
    expect(page.get_by_text("Usunięto klucz dostępu „Telefon służbowy”.")).to_be_visible()
    expect(page.get_by_text("Nie dodano jeszcze kluczy dostępu.")).to_be_visible()
    assert not Passkey.objects.exists()
    _, _, removed = smtp_server.to("jan@example.pl")
    assert "Login nie ma teraz kluczy dostępu" in smtp_server.body(removed)
    fresh.goto("/")
    fresh.get_by_role("button", name="Wyloguj").click()
    fresh.get_by_role("button", name="Użyj klucza dostępu").click()
    expect(fresh.get_by_text("Ten klucz dostępu nie pozwolił się zalogować.")).to_be_visible()
    log_in(fresh, "001234", PASSWORD)
    expect(fresh).to_have_url(re.compile(r"/panel/$"))
