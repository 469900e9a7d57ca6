"""A login with numbers A and B: it switches between them, and never reaches C — by any URL, by
switching, by a forged switch request, nor B after its membership is removed mid-session."""

import pytest
from django.urls import reverse

from ebok.accounts.models import Membership
from ebok.customers.models import Customer
from ebok.testing import PASSWORD, make_account, make_customer, make_history

pytestmark = pytest.mark.django_db

SWITCH = reverse("accounts:switch_number")


@pytest.fixture
def numbers(db, tmp_path, settings):
    """A manager's own number A, a building's number B they may see, and C, nobody's to them."""
    settings.MEDIA_ROOT = tmp_path
    a = make_customer(number="000100", name="Anna Zarządca", city="Węgrów")
    b = make_customer(number="000200", name="Wspólnota Gdańska 3", street="ul. Gdańska 3")
    c = make_customer(number="000300", name="Cezary Obcy", email_address="c@example.pl")
    things = {}
    for customer in (a, b, c):
        _point, meter = make_history(customer, years=1, serial=f"M-{customer.number}")
        invoice = customer.invoices.first().pk
        things[customer.number] = {
            "invoice": invoice,
            "invoice_pdf": invoice,
            "meter": meter.pk,
            "document": None,
        }
    manager = make_account(a)
    Membership.objects.create(user=manager, customer=b, role=Membership.Role.VIEWER)
    make_account(c)
    return manager, things


def test_the_number_typed_at_login_is_the_number_in_use(client, numbers):
    response = client.post(
        reverse("accounts:login"), {"customer_number": "000200", "password": PASSWORD}
    )
    assert response.url == reverse("portal:info")
    page = client.get(reverse("portal:info")).content.decode()
    assert "Witaj, 000200 !" in page
    assert "Wspólnota Gdańska 3" in page


def test_switching_shows_the_other_numbers_data_on_every_tab(client, numbers):
    manager, things = numbers
    client.force_login(manager)
    client.post(SWITCH, {"customer_number": "000200", "next": reverse("portal:invoices")})
    page = client.get(reverse("portal:invoices")).content.decode()
    assert "Witaj, 000200 !" in page
    assert "FV/000200/" in page
    assert "FV/000100/" not in page
    invoice = client.get(reverse("portal:invoice", args=[things["000200"]["invoice"]]))
    assert invoice.status_code == 200
    # The other number's objects are not found under this one.
    assert (
        client.get(reverse("portal:invoice", args=[things["000100"]["invoice"]])).status_code == 404
    )


def test_the_switch_goes_back_to_the_same_tab_but_not_to_another_numbers_object(client, numbers):
    manager, things = numbers
    client.force_login(manager)
    meters = reverse("portal:meters")
    to_tab = client.post(SWITCH, {"customer_number": "000200", "next": meters})
    assert to_tab.url == meters
    meter_page = reverse("portal:meter", args=[things["000200"]["meter"]])
    to_object = client.post(SWITCH, {"customer_number": "000100", "next": meter_page})
    assert to_object.url == reverse("portal:info")
    elsewhere = client.post(SWITCH, {"customer_number": "000200", "next": "https://evil.example/"})
    assert elsewhere.url == reverse("portal:info")


@pytest.mark.parametrize("name", ["invoice", "invoice_pdf", "meter"])
def test_no_url_reaches_a_number_the_login_does_not_hold(client, numbers, name):
    manager, things = numbers
    client.force_login(manager)
    for number in ("000100", "000200"):
        client.post(SWITCH, {"customer_number": number})
        response = client.get(reverse(f"portal:{name}", args=[things["000300"][name]]))
        assert response.status_code == 404


def test_switching_to_a_number_not_held_is_refused_and_changes_nothing(client, numbers):
    manager, _ = numbers
    client.force_login(manager)
    client.post(SWITCH, {"customer_number": "000200"})
    assert client.post(SWITCH, {"customer_number": "000300"}).status_code == 404
    assert client.post(SWITCH, {"customer_number": "no-such"}).status_code == 404
    assert "Witaj, 000200 !" in client.get(reverse("portal:info")).content.decode()


def test_a_forged_number_in_the_session_falls_back_to_one_the_login_holds(client, numbers):
    manager, _ = numbers
    client.force_login(manager)
    session = client.session
    session["ebok_customer"] = Customer.objects.get(number="000300").pk
    session.save()
    page = client.get(reverse("portal:info")).content.decode()
    assert "Cezary Obcy" not in page
    assert "Witaj, 000100 !" in page


def test_a_removed_membership_ends_access_at_the_next_request_of_an_open_session(client, numbers):
    manager, things = numbers
    client.force_login(manager)
    client.post(SWITCH, {"customer_number": "000200"})
    invoice_b = reverse("portal:invoice", args=[things["000200"]["invoice"]])
    assert client.get(invoice_b).status_code == 200

    Membership.objects.filter(user=manager, customer__number="000200").delete()

    assert client.get(invoice_b).status_code == 404
    page = client.get(reverse("portal:info")).content.decode()
    assert "Witaj, 000100 !" in page
    assert "Wspólnota Gdańska 3" not in page
    assert client.post(SWITCH, {"customer_number": "000200"}).status_code == 404


def test_a_login_left_with_no_number_is_logged_out(client, numbers):
    manager, _ = numbers
    client.force_login(manager)
    Membership.objects.filter(user=manager).delete()
    response = client.get(reverse("portal:info"))
    assert response.url.startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session


def test_the_overview_lists_every_number_with_what_is_due(client, numbers):
    manager, _ = numbers
    client.force_login(manager)
    page = client.get(reverse("portal:numbers")).content.decode()
    assert "000100" in page and "000200" in page
    assert "000300" not in page
    assert "Wspólnota Gdańska 3" in page
    assert "przeglądający" in page  # the role on B


def test_a_login_with_one_number_shows_no_switcher(client, account):
    client.force_login(account)
    page = client.get(reverse("portal:info")).content.decode()
    assert 'name="customer_number"' not in page
    assert "Witaj, 001234 !" in page
