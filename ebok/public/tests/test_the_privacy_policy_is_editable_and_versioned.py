"""The privacy policy (GDPR art. 13): a default from the settings until the utility writes its
own; each change a new version in force from its date, earlier ones still readable; linked from
the footer and from registration."""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from ebok.backoffice.roles import ADMINISTRATOR, setup_roles
from ebok.content.models import PrivacyPolicy
from ebok.testing import NOW, log_in_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("contact", "clock")]


def main_of(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def read(language="pl", path=None):
    client = Client()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(path or reverse("public:privacy"))


def test_the_default_names_the_controller_the_officer_the_recipients_and_the_authority(settings):
    settings.PRIVACY_DPO_CONTACT = "iod@pwik.wegrow.pl"
    main = main_of(read())
    assert "<h1>Polityka prywatności.</h1>" in main
    assert (
        "Administratorem danych osobowych klientów korzystających z e-BOK jest Przedsiębiorstwo "
        "Wodociągów i Kanalizacji w Węgrowie, ul. Przemysłowa 8, 07-100 Węgrów." in main
    )
    assert "inspektorem ochrony danych: iod@pwik.wegrow.pl" in main
    for part in [
        "<h2>Cele i podstawy przetwarzania</h2>",
        "art. 6 ust. 1 lit. b RODO",
        "dostawca systemu bilingowego",
        "operator bramki płatniczej",
        "<h2>Okres przechowywania</h2>",
        "<h2>Prawa klienta</h2>",
        "Prezesa Urzędu Ochrony Danych Osobowych",
    ]:
        assert part in main
    english = main_of(read("en"))
    assert "<h1>Privacy policy.</h1>" in english
    assert "President of the Personal Data Protection Office" in english


def test_a_new_version_is_shown_from_its_date_and_the_earlier_stays_readable():
    first = PrivacyPolicy.objects.create(
        text_pl="# Administrator\n\nTekst pierwszy.", effective_from=NOW - timedelta(days=30)
    )
    second = PrivacyPolicy.objects.create(
        text_pl="# Administrator\n\nTekst drugi.",
        text_en="# Controller\n\nSecond text.",
        effective_from=NOW - timedelta(days=1),
    )
    PrivacyPolicy.objects.create(text_pl="Tekst przyszły.", effective_from=NOW + timedelta(days=7))
    assert (first.version, second.version) == (1, 2)

    main = main_of(read())
    assert "Wersja 2, obowiązuje od 2026-11-24." in main
    assert "<p>Tekst drugi.</p>" in main
    assert "Tekst przyszły." not in main
    assert f'<a href="{reverse("public:privacy_version", args=[1])}">' in main
    assert "<p>Second text.</p>" in main_of(read("en"))

    earlier = main_of(read(path=reverse("public:privacy_version", args=[1])))
    assert "<p>Tekst pierwszy.</p>" in earlier
    assert "Ta wersja już nie obowiązuje." in earlier
    # A version not yet in force cannot be read ahead of its date.
    assert read(path=reverse("public:privacy_version", args=[3])).status_code == 404


def test_english_readers_see_the_polish_text_when_no_english_one_is_written():
    PrivacyPolicy.objects.create(text_pl="Tylko po polsku.", effective_from=NOW)
    assert "<p>Tylko po polsku.</p>" in main_of(read("en"))


def test_markup_in_the_text_is_shown_as_text():
    PrivacyPolicy.objects.create(
        text_pl='Zobacz <script>alert("x")</script>\n\n- punkt <b>1</b>', effective_from=NOW
    )
    main = main_of(read())
    assert "<script>" not in main
    assert "&lt;script&gt;" in main
    assert "<ul><li>punkt &lt;b&gt;1&lt;/b&gt;</li></ul>" in main


@pytest.fixture
def administrator(db):
    setup_roles()
    user = get_user_model().objects.create_user(
        username="administrator", password="Biuro-Obslugi-2026", is_staff=True
    )
    user.groups.set(Group.objects.filter(name=ADMINISTRATOR))
    return user


def test_the_office_adds_versions_but_never_edits_or_deletes_one(administrator):
    client = log_in_staff(Client(), administrator)
    add = client.get(reverse("admin:content_privacypolicy_add"))
    assert add.status_code == 200
    # The form starts from the text in force (here the default), to be amended.
    assert "Administratorem danych osobowych" in add.content.decode()
    response = client.post(
        reverse("admin:content_privacypolicy_add"),
        {
            "text_pl": "# Administrator\n\nNowy tekst.",
            "text_en": "",
            "effective_from_0": "2026-11-25",
            "effective_from_1": "08:00:00",
        },
    )
    assert response.status_code == 302
    policy = PrivacyPolicy.objects.get()
    assert policy.version == 1
    change = client.post(
        reverse("admin:content_privacypolicy_change", args=[policy.pk]),
        {"text_pl": "Podmieniony.", "effective_from_0": "2026-11-25", "effective_from_1": "08:00"},
    )
    assert change.status_code in (302, 403)
    policy.refresh_from_db()
    assert policy.text_pl == "# Administrator\n\nNowy tekst."
    delete = client.post(
        reverse("admin:content_privacypolicy_delete", args=[policy.pk]), {"post": "yes"}
    )
    assert delete.status_code == 403
    assert PrivacyPolicy.objects.count() == 1


def test_the_footer_and_the_registration_form_link_to_it(client):
    link = f'href="{reverse("public:privacy")}"'
    login = client.get(reverse("accounts:login")).content.decode()
    assert link in login[login.index("<footer") :]
    register = main_of(client.get(reverse("accounts:register")))
    assert link in register
