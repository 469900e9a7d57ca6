"""Every page of "My account" needs a customer login and shows only the number in use: an
anonymous visitor goes to the login page, another customer sees their own data alone."""

import pytest
from django.urls import reverse

from ebok.accounts.sections import SECTIONS
from ebok.accounts.urls import urlpatterns
from ebok.testing import PASSWORD

pytestmark = pytest.mark.django_db

# Every pattern of the area, found from the URL configuration so that a new page is tried too.
AREA = [
    reverse(f"accounts:{pattern.name}", args=[1] if "<int:pk>" in str(pattern.pattern) else [])
    for pattern in urlpatterns
    if str(pattern.pattern).startswith("account/")
]


@pytest.mark.parametrize("url", AREA)
def test_anonymous_visitors_are_sent_to_the_login_page(client, url):
    for response in [client.get(url), client.post(url)]:
        assert response.status_code in (302, 405)
        if response.status_code == 302:
            assert response.url.startswith(reverse("accounts:login"))


def test_another_customer_sees_only_their_own_contact_data(client, account, stranger):
    client.post(reverse("accounts:login"), {"customer_number": "009999", "password": PASSWORD})
    page = client.get(reverse("accounts:contact")).content.decode()
    assert "ewa@example.pl" in page
    assert "jan@example.pl" not in page
    # A forged switch to a number the login does not hold is not found.
    response = client.post(reverse("accounts:switch_number"), {"customer_number": "001234"})
    assert response.status_code == 404


def test_every_section_is_in_the_navigation(client, account):
    client.post(reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD})
    page = client.get(reverse("accounts:contact")).content.decode()
    for name, _, _ in SECTIONS:
        assert f'href="{reverse(name)}"' in page
    for label in [
        "Zmiana hasła",
        "Dane kontaktowe",
        "Zgody",
        "Bezpieczeństwo",
        "Moje dane",
        "Powiadomienia",
    ]:
        assert label in page
