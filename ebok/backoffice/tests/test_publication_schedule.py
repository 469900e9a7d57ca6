"""Announcements and documents are shown to customers between published_from and _until; the
admin's lists say which are published now."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ebok.content.models import Announcement, Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def schedule():
    now, day = timezone.now(), dt.timedelta(days=1)
    return {
        "current": {"published_from": now - day},
        "ending": {"published_from": now - 2 * day, "published_until": now + day},
        "future": {"published_from": now + day},
        "ended": {"published_from": now - 2 * day, "published_until": now - day},
    }


def titles(client, url, **query) -> set[str]:
    response = client.get(url, query)
    assert response.status_code == 200
    return {obj.title for obj in response.context["cl"].result_list}


def test_the_announcement_list_shows_which_are_published_now(operator_client, schedule):
    for title, dates in schedule.items():
        Announcement.objects.create(title=title, date=dt.date(2026, 1, 1), **dates)
    url = reverse("admin:content_announcement_changelist")

    assert titles(operator_client, url, published_now="yes") == {"current", "ending"}
    assert titles(operator_client, url, published_now="no") == {"future", "ended"}
    page = operator_client.get(url).content.decode()
    assert "opublikowane teraz" in page
    assert page.count('alt="True"') == 2
    assert page.count('alt="False"') == 2


def test_the_document_list_shows_publication_and_for_whom(operator_client, customer, schedule):
    for title, dates in schedule.items():
        Document.objects.create(
            title=title, date=dt.date(2026, 1, 1), file="documents/2026/x.pdf", **dates
        )
    Document.objects.filter(title="current").update(customer=customer)
    url = reverse("admin:content_document_changelist")

    assert titles(operator_client, url, published_now="yes") == {"current", "ending"}
    assert titles(operator_client, url, **{"for": "one"}) == {"current"}
    assert titles(operator_client, url, **{"for": "all"}) == {"ending", "future", "ended"}
    page = operator_client.get(url).content.decode()
    assert "Wszyscy klienci" in page
    assert "001234 Jan Węgrowski" in page


def test_a_document_for_one_customer_is_chosen_by_autocomplete(operator_client, customer):
    page = operator_client.get(reverse("admin:content_document_add")).content.decode()
    assert "admin-autocomplete" in page
    response = operator_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Węgrowski",
            "app_label": "content",
            "model_name": "document",
            "field_name": "customer",
        },
    )
    assert [item["text"] for item in response.json()["results"]] == ["001234 Jan Węgrowski"]
