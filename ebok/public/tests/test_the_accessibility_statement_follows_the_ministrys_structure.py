"""The accessibility declaration carries every element id the Ministry of Digital Affairs'
technical conditions (v2.0, 31 July 2024) prescribe, filled from the settings, in Polish and
English; every kind of page points to it with the prescribed meta tag."""

from datetime import date
from html.parser import HTMLParser

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from ebok.portal.tabs import TABS
from ebok.public.accessibility import REQUIRED_IDS
from ebok.testing import make_account, make_customer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("contact")]

META_NAME = "deklaracja-dostępności"


class Page(HTMLParser):
    """The elements by id (tag, attributes, text inside) and the meta tags of a page."""

    def __init__(self, html: str):
        super().__init__()
        self.elements, self.meta, self._open = {}, [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.meta.append(attrs)
        if "id" in attrs:
            assert attrs["id"] not in self.elements, f"id {attrs['id']} twice"
            self.elements[attrs["id"]] = {"tag": tag, "attrs": attrs, "text": ""}
        if tag not in ("meta", "link", "input", "br", "img"):
            self._open.append((tag, attrs.get("id")))

    def handle_endtag(self, tag):
        while self._open:
            open_tag, _ = self._open.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        for _, element_id in self._open:
            if element_id:
                self.elements[element_id]["text"] += data

    def text(self, element_id) -> str:
        return " ".join(self.elements[element_id]["text"].split())


@pytest.fixture
def declaration(settings):
    settings.ACCESSIBILITY_PUBLISHED = date(2026, 3, 2)
    settings.ACCESSIBILITY_UPDATED = date(2026, 11, 16)
    settings.ACCESSIBILITY_PREPARED = date(2026, 3, 30)
    settings.ACCESSIBILITY_REVIEWED = date(2026, 11, 20)
    settings.ACCESSIBILITY_STATUS = "partial"
    settings.ACCESSIBILITY_CONTACT_NAME = "Anna Kowalczyk"
    settings.ACCESSIBILITY_CONTACT_EMAIL = "dostepnosc@pwik.wegrow.pl"
    settings.ACCESSIBILITY_CONTACT_PHONE = "25 792 20 49"
    settings.ACCESSIBILITY_BUILDING = "Wejście z poziomu chodnika, bez progów."
    settings.SITE_URL = "https://ebok.pwik.wegrow.pl"


def statement(language="pl") -> Page:
    client = Client()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse("public:accessibility"))
    assert response.status_code == 200
    return Page(response.content.decode())


@pytest.mark.parametrize("language", ["pl", "en"])
def test_every_prescribed_id_is_on_the_page_once(declaration, language):
    page = statement(language)
    missing = [element_id for element_id in REQUIRED_IDS if element_id not in page.elements]
    assert missing == []
    for element_id in REQUIRED_IDS:
        assert page.text(element_id), f"{element_id} is empty"


def test_the_polish_statement_is_filled_from_the_settings(declaration):
    page = statement()
    assert page.text("a11y-podmiot") == "Przedsiębiorstwo Wodociągów i Kanalizacji w Węgrowie"
    assert page.text("a11y-wstep").endswith(
        "zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z ustawą z dnia "
        "4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych "
        "podmiotów publicznych. Deklaracja dostępności dotyczy strony internetowej "
        "https://ebok.pwik.wegrow.pl/."
    )
    assert page.elements["a11y-url"]["attrs"]["href"] == "https://ebok.pwik.wegrow.pl/"
    dates = {
        "a11y-data-publikacja": "2026-03-02",
        "a11y-data-aktualizacja": "2026-11-16",
        "a11y-data-sporzadzenie": "2026-03-30",
        "a11y-data-przeglad": "2026-11-20",
    }
    for element_id, value in dates.items():
        assert page.elements[element_id]["tag"] == "time"
        assert page.elements[element_id]["attrs"]["datetime"] == value
        assert page.text(element_id) == value
    assert page.text("a11y-status").startswith("Strona internetowa jest częściowo zgodna")
    assert page.text("a11y-osoba") == "Anna Kowalczyk"
    assert page.text("a11y-email") == "dostepnosc@pwik.wegrow.pl"
    assert page.text("a11y-telefon") == "25 792 20 49"
    assert "w ciągu 7 dni" in page.text("a11y-procedura")
    assert "Rzecznika Praw Obywatelskich" in page.text("a11y-procedura")
    assert "Wejście z poziomu chodnika, bez progów." in page.text("a11y-architektura")
    assert "a11y-audytor" not in page.elements  # a self-assessment names no auditor


def test_an_audit_names_its_auditor_and_full_compliance_lists_no_exceptions(declaration, settings):
    settings.ACCESSIBILITY_AUDITOR = "Fundacja Dostępny Węgrów"
    settings.ACCESSIBILITY_STATUS = "full"
    page = statement()
    assert page.text("a11y-audytor") == "Fundacja Dostępny Węgrów"
    assert page.text("a11y-status").startswith("Strona internetowa jest w pełni zgodna")
    html = Client().get(reverse("public:accessibility")).content.decode()
    assert "Treści niedostępne" not in html


def test_the_english_statement_keeps_the_ids_in_english_words(declaration):
    page = statement("en")
    assert page.text("a11y-status").startswith("This website is partially compliant")
    assert page.text("a11y-wstep").startswith(
        "Przedsiębiorstwo Wodociągów i Kanalizacji w Węgrowie undertakes to make its website"
    )


def pages_of_every_kind(client) -> dict[str, object]:
    """One response of each kind: before login, the panel, the public pages, errors."""
    responses = {
        "login": client.get(reverse("accounts:login")),
        "register": client.get(reverse("accounts:register")),
        "forgotten password": client.get(reverse("accounts:password_forgotten")),
        "contact": client.get(reverse("public:contact")),
        "accessibility": client.get(reverse("public:accessibility")),
        "privacy": client.get(reverse("public:privacy")),
        "cookies": client.get(reverse("public:cookies")),
        "not found": client.get("/nie-ma-takiej-strony/"),
    }
    client.force_login(make_account(make_customer()))
    for url_name, label, _pages in TABS:
        responses[f"panel: {label}"] = client.get(reverse(url_name))
    responses["my numbers"] = client.get(reverse("portal:numbers"))
    responses["password change"] = client.get(reverse("accounts:password_change"))
    return responses


def test_every_kind_of_page_has_the_meta_tag_pointing_to_the_statement(declaration, client):
    for kind, response in pages_of_every_kind(client).items():
        assert response["Content-Type"].startswith("text/html"), kind
        tags = [
            meta for meta in Page(response.content.decode()).meta if meta.get("name") == META_NAME
        ]
        assert tags == [
            {"name": META_NAME, "content": "https://ebok.pwik.wegrow.pl/deklaracja-dostepnosci/"}
        ], kind


def test_without_site_url_the_meta_tag_names_the_address_the_request_came_to(client):
    html = client.get(reverse("accounts:login")).content.decode()
    tags = [meta for meta in Page(html).meta if meta.get("name") == META_NAME]
    assert tags == [{"name": META_NAME, "content": "http://testserver/deklaracja-dostepnosci/"}]


def test_every_page_links_to_the_statement_in_its_footer(client):
    html = client.get(reverse("accounts:login")).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/deklaracja-dostepnosci/">Deklaracja dostępności</a>' in footer
