"""Every page of "My account" needs a customer login and shows only the number in use: an
anonymous visitor goes to the login page, another customer sees their own data alone."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ebok.accounts.models import DataExport, Passkey
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


def test_another_customer_finds_none_of_the_objects_behind_the_ids(client, account, stranger):
    passkey = Passkey.objects.create(
        user=account, name="Mój telefon", credential_id="Y3JlZA", public_key=b"\x01"
    )
    asked = timezone.now() - timedelta(days=2)
    export = DataExport.objects.create(
        user=account,
        customer=account.customer,
        status=DataExport.Status.EXPIRED,
        created_at=asked,
        expires_at=asked + timedelta(hours=24),
    )
    # Jan's object behind every pattern of the area that takes an id; a new one is added here.
    ids = {
        "passkey_remove": passkey.pk,
        "passkey_rename": passkey.pk,
        "my_data_download": export.pk,
    }
    with_ids = {
        pattern.name
        for pattern in urlpatterns
        if str(pattern.pattern).startswith("account/") and "<int:pk>" in str(pattern.pattern)
    }
    assert with_ids == set(ids)
    urls = [reverse(f"accounts:{name}", args=[pk]) for name, pk in ids.items()]

    client.post(reverse("accounts:login"), {"customer_number": "001234", "password": PASSWORD})
    assert [client.get(url).status_code for url in urls] == [405, 200, 410]  # Jan's own
    client.post(reverse("accounts:logout"))
    client.post(reverse("accounts:login"), {"customer_number": "009999", "password": PASSWORD})
    for url in urls:
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url, {"name": "Przejęty"}).status_code == 404, url
    passkey.refresh_from_db()
    assert passkey.name == "Mój telefon"


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
