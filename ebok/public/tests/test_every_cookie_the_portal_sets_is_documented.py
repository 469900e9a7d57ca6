"""The portal sets only the cookies its cookies page lists (session, CSRF, language), so it
needs no consent banner. A walk through the customer's pages collects every cookie set on the
way and fails on one the page does not document."""

import pytest
from django.conf import settings
from django.urls import reverse

from ebok.portal.tabs import TABS
from ebok.public.cookies import documented_cookies
from ebok.testing import PASSWORD, make_account, make_customer

pytestmark = pytest.mark.django_db


class CookieJar:
    """Every cookie name any response set, with the page that set it."""

    def __init__(self, client):
        self.client, self.seen = client, {}

    def _note(self, response, what):
        for name in response.cookies:
            self.seen.setdefault(name, what)
        return response

    def get(self, path):
        return self._note(self.client.get(path), f"GET {path}")

    def post(self, path, data):
        return self._note(self.client.post(path, data), f"POST {path}")


def test_every_cookie_set_on_a_walk_through_the_portal_is_documented(client):
    make_account(make_customer())
    jar = CookieJar(client)
    for name in ["accounts:login", "accounts:register", "accounts:password_forgotten"]:
        jar.get(reverse(name))
    for name in ["contact", "accessibility", "privacy", "cookies"]:
        jar.get(reverse(f"public:{name}"))
    jar.get("/nie-ma-takiej-strony/")
    jar.post(reverse("set_language"), {"language": "en", "next": "/"})
    jar.post(reverse("set_language"), {"language": "pl", "next": "/"})
    jar.post(reverse("accounts:password_forgotten"), {"customer_number": "001234"})
    jar.post(reverse("accounts:login"), {"customer_number": "001234", "password": "wrong-password"})
    login = {"customer_number": "001234", "password": PASSWORD, "remember_me": "on"}
    response = jar.post(reverse("accounts:login"), login)
    assert response.status_code == 302  # logged in
    for url_name, _label, _pages in TABS:
        assert jar.get(reverse(url_name)).status_code == 200
    jar.get(reverse("portal:numbers"))
    jar.get(reverse("accounts:password_change"))
    # Logging out leaves a one-time message for the next page; Django's default would keep
    # it in a cookie of its own.
    jar.post(reverse("accounts:logout"), {})
    assert "Wylogowano." in jar.get(reverse("accounts:login")).content.decode()

    documented = {cookie.name for cookie in documented_cookies()}
    assert {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME} <= set(jar.seen)
    undocumented = {name: where for name, where in jar.seen.items() if name not in documented}
    assert undocumented == {}, "add them to ebok/public/cookies.py, or do not set them"


def test_the_cookies_page_lists_each_cookie_by_name(client):
    html = client.get(reverse("public:cookies")).content.decode()
    for cookie in documented_cookies():
        assert f"<code>{cookie.name}</code>" in html
    assert "nie prosi o zgodę" in html
