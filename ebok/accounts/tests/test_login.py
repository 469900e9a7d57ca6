import pytest
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, number, password, **extra):
    return client.post(
        reverse("accounts:login"), {"customer_number": number, "password": password, **extra}
    )


def test_login_page_shows_the_seed_texts(client):
    response = client.get("/")
    content = response.content.decode()
    for text in [
        "Logowanie.",
        "Podaj swojego użytkownika i hasło.",
        "Użytkownik",
        "Hasło",
        "Zapamiętaj mnie?",
        "Zaloguj",
        "jeśli zapomniałeś hasła.",
        "Numeru użytkownika oraz hasła nie należy udostępniać osobom trzecim!",
        "Przedsiębiorstwo Wodociągów i Kanalizacji w Węgrowie",
    ]:
        assert text in content, text


def test_customer_logs_in_with_number_and_password(client, account):
    response = login(client, "001234", PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("portal:info")
    assert client.session["_auth_user_id"] == str(account.pk)


def test_spaces_around_the_number_are_ignored(client, account):
    response = login(client, "  001234 ", PASSWORD)
    assert response.url == reverse("portal:info")


def test_login_records_an_audit_event(client, account):
    login(client, "001234", PASSWORD, HTTP_USER_AGENT="Firefox")
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.LOGIN)
    assert event.customer == account.customer
    assert event.ip_address == "127.0.0.1"


def test_wrong_password_and_unknown_number_get_the_same_answer(client, account):
    wrong = login(client, "001234", "not-the-password")
    unknown = login(client, "555555", "not-the-password")
    assert wrong.status_code == unknown.status_code == 200
    message = "Nieprawidłowy numer klienta lub hasło."
    assert message in wrong.content.decode()
    assert message in unknown.content.decode()
    assert "_auth_user_id" not in client.session
    kinds = list(AuditEvent.objects.values_list("kind", "customer_number"))
    assert ("login_failed", "001234") in kinds
    assert ("login_failed", "555555") in kinds


def test_number_typed_is_kept_after_a_failure(client, account):
    response = login(client, "001234", "wrong")
    assert 'value="001234"' in response.content.decode()


def test_staff_cannot_log_in_on_the_customer_form(client, django_user_model):
    django_user_model.objects.create_user("001111", password=PASSWORD, is_staff=True)
    response = login(client, "001111", PASSWORD)
    assert "Nieprawidłowy numer klienta lub hasło." in response.content.decode()


def test_disabled_account_cannot_log_in(client, account):
    account.is_active = False
    account.save()
    response = login(client, "001234", PASSWORD)
    assert "Nieprawidłowy numer klienta lub hasło." in response.content.decode()


def test_login_gives_a_new_session_id(client, account):
    client.get("/")
    client.cookies["sessionid"] = "attacker-chosen-session-id"
    login(client, "001234", PASSWORD)
    assert client.cookies["sessionid"].value != "attacker-chosen-session-id"


def test_next_parameter_leads_back_but_never_elsewhere(client, account):
    ok = login(client, "001234", PASSWORD, next="/panel/payments/")
    assert ok.url == "/panel/payments/"
    client.logout()
    evil = login(client, "001234", PASSWORD, next="https://evil.example/")
    assert evil.url == reverse("portal:info")


def test_logged_in_customer_visiting_login_goes_to_the_panel(client, account):
    client.force_login(account)
    assert client.get("/").url == reverse("portal:info")
