import pytest
from django.urls import reverse

from ebok.portal.tabs import TABS
from ebok.portal.urls import urlpatterns as panel_urls
from ebok.testing import PASSWORD

pytestmark = pytest.mark.django_db

CUSTOMER_ONLY = [
    reverse(f"portal:{pattern.name}", args=[1] if "<int:pk>" in str(pattern.pattern) else [])
    for pattern in panel_urls
] + [reverse("accounts:password_change"), reverse("accounts:password_changed")]


@pytest.mark.parametrize("url", CUSTOMER_ONLY)
def test_anonymous_visitor_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={url}"


@pytest.mark.parametrize("url", CUSTOMER_ONLY)
def test_staff_without_a_customer_is_sent_to_login(client, django_user_model, url):
    staff = django_user_model.objects.create_user("operator", password=PASSWORD, is_staff=True)
    client.force_login(staff)
    assert client.get(url).url.startswith(reverse("accounts:login"))


def test_panel_shows_the_six_tabs_in_the_seed_order_and_cases_after_documents(client, account):
    client.force_login(account)
    page = client.get(reverse("portal:info")).content.decode()
    labels = ["Informacje", "Faktury/naliczenia", "Płatności", "Punkty/liczniki", "Dokumenty"]
    labels += ["Sprawy", "Strona główna"]
    positions = [page.index(f">{label}</a>") for label in labels]
    assert positions == sorted(positions)
    assert len(TABS) == 7
    assert "Panel Klienta" in page


def test_information_tab_shows_the_customers_data(client, account):
    client.force_login(account)
    page = client.get(reverse("portal:info")).content.decode()
    for text in ["Kod klienta", "001234", "Imię i nazwisko / Nazwa", "Jan Węgrowski"]:
        assert text in page
    assert "Adres" in page
    assert "07-100 Węgrów, ul. Wyszyńskiego 1" in page


def test_information_tab_shows_only_the_logged_in_customer(client, account, stranger):
    client.force_login(account)
    page = client.get(reverse("portal:info")).content.decode()
    assert "Ewa Obca" not in page
    assert "009999" not in page


@pytest.mark.parametrize(
    "url_name", ["portal:invoices", "portal:payments", "portal:meters", "portal:documents"]
)
def test_tabs_without_data_say_so_plainly(client, account, url_name):
    client.force_login(account)
    page = client.get(reverse(url_name)).content.decode()
    assert "Nie ma jeszcze" in page


def test_logout_is_a_form_with_csrf(client, account):
    client.force_login(account)
    page = client.get(reverse("portal:info")).content.decode()
    assert (
        f'<form class="account-bar__logout" method="post" action="{reverse("accounts:logout")}">'
        in page
    )
    assert "csrfmiddlewaretoken" in page
