from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from ebok.backoffice.roles import ADMINISTRATOR, OPERATOR, setup_roles
from ebok.testing import log_in_staff

STAFF_PASSWORD = "Biuro-Obslugi-2026"


def make_staff(username, *groups):
    user = get_user_model().objects.create_user(
        username=username, password=STAFF_PASSWORD, is_staff=True
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def roles(db):
    setup_roles()


@pytest.fixture
def operator(roles):
    return make_staff("operator", OPERATOR)


@pytest.fixture
def administrator(roles):
    return make_staff("administrator", ADMINISTRATOR)


@pytest.fixture
def staff_without_permissions(db):
    """Staff who may enter the admin but hold no permission."""
    return make_staff("newcomer")


@pytest.fixture
def operator_client(operator):
    """The operator's browser; the test's `client` stays free for a customer."""
    return log_in_staff(Client(), operator)


def enter_password(client, username="operator", password=STAFF_PASSWORD, **extra):
    """The admin's login form, first step."""
    data = {"username": username, "password": password, "next": reverse("admin:index")}
    return client.post(reverse("admin:login"), data, **extra)


def enter_code(client, code, step="admin:login_code", **extra):
    """The second step: the authenticator's (or a recovery) code, or the first code at set-up."""
    return client.post(reverse(step), {"code": code, "next": reverse("admin:index")}, **extra)


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded files go to a temporary folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


class _HiddenFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden":
            self.fields.setdefault(attrs["name"], []).append(attrs.get("value") or "")


def confirm(client, response):
    """Press "Yes" on the confirmation page before a temporary password is issued: post its
    form back, as a browser would. Any other response (a refusal, a redirect) is returned as is."""
    parser = _HiddenFields()
    parser.feed(response.content.decode() if response.status_code == 200 else "")
    if parser.fields.get("confirm") != ["yes"]:
        return response
    return client.post(response.wsgi_request.get_full_path(), parser.fields)
