"""The general terms of service, accepted at registration, are open to anyone at /terms/."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ebok.accounts.tests.helpers import TERMS_PDF, make_terms
from ebok.content.models import Document
from ebok.testing import make_customer

pytestmark = pytest.mark.django_db

URL = reverse("accounts:terms")


def test_terms_are_served_to_anonymous_visitors(client, terms):
    response = client.get(URL)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == TERMS_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="regulamin.pdf"'


def test_the_newest_published_terms_are_served(client, media):
    make_terms(date=dt.date(2025, 1, 1), content=b"old")
    make_terms(date=dt.date(2026, 1, 1), content=b"current")
    make_terms(date=dt.date(2026, 6, 1), content=b"withdrawn", published_until=timezone.now())
    make_terms(
        date=dt.date(2027, 1, 1),
        content=b"future",
        published_from=timezone.now() + dt.timedelta(days=1),
    )
    assert b"".join(client.get(URL).streaming_content) == b"current"


def test_a_customers_own_document_or_another_kind_is_never_served(client, media):
    make_terms(content=b"private", customer=make_customer())
    make_terms(content=b"tariff", kind=Document.Kind.TARIFF)
    assert client.get(URL).status_code == 404


def test_no_terms_no_page(client):
    assert client.get(URL).status_code == 404


def test_a_missing_file_is_not_found_rather_than_an_error(client, terms):
    terms.file.storage.delete(terms.file.name)
    assert client.get(URL).status_code == 404
