"""The statement's period: this year so far unless chosen; a period that cannot be right is
refused with a message saying why, the dates typed kept, and nothing downloaded."""

import pytest
from django.urls import reverse

from ebok.billing.tests.test_the_statement_agrees_with_the_tabs import make_year_of_money
from ebok.testing import make_account

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


@pytest.fixture
def logged_in(client, customer):
    make_year_of_money(customer)
    client.force_login(make_account(customer))
    return client


def period(client, start, end):
    return client.get(reverse("portal:statement"), {"start": start, "end": end})


def test_without_a_period_it_shows_this_year_so_far(logged_in):
    page = logged_in.get(reverse("portal:statement")).content.decode()

    assert 'name="start" value="2026-01-01"' in page
    assert 'name="end" value="2026-11-25"' in page
    assert "Od 2026-01-01 do 2026-11-25" in page
    assert "FV/2026/09/0311" in page
    assert "FV/2025/11/0007" not in page


def test_the_documents_tab_leads_to_it_and_it_belongs_to_that_tab(logged_in):
    documents = logged_in.get(reverse("portal:documents")).content.decode()
    assert f'href="{reverse("portal:statement")}"' in documents
    page = logged_in.get(reverse("portal:statement")).content.decode()
    assert 'aria-current="page">Dokumenty</a>' in page


@pytest.mark.parametrize(
    ("start", "end", "field", "message"),
    [
        ("2026-05-01", "2026-04-30", "end", "Koniec okresu nie może być wcześniejszy niż jego"),
        ("2026-01-01", "2026-11-26", "end", "Koniec okresu nie może być późniejszy niż dzisiejsza"),
        ("2026-11-26", "2026-11-26", "start", "Początek okresu nie może być późniejszy niż"),
        (
            "1999-12-31",
            "2000-06-30",
            "start",
            "Zestawienie może zaczynać się najwcześniej 2000-01-01.",
        ),
        ("2016-01-01", "2026-01-01", "end", "Zestawienie może obejmować najwyżej 10 lat."),
        ("2026-02-30", "2026-03-01", "start", "Wpisz poprawną datę."),
        ("1.1.2026", "", "end", "To pole jest wymagane."),
    ],
)
def test_a_wrong_period_is_refused_with_a_message_and_the_dates_kept(
    logged_in, start, end, field, message
):
    for wanted in ["", "pdf", "csv"]:
        response = logged_in.get(
            reverse("portal:statement"), {"start": start, "end": end, "format": wanted}
        )

        assert response["Content-Type"].startswith("text/html")
        page = response.content.decode()
        assert message in page
        assert 'aria-invalid="true"' in page
        assert f'id="id_{field}_error"' in page
        assert f'name="start" value="{start}"' in page
        if end:
            assert f'name="end" value="{end}"' in page
        assert 'id="statement-entries"' not in page


def test_ten_years_is_the_longest_period(logged_in):
    response = logged_in.get(
        reverse("portal:statement"), {"start": "2016-01-01", "end": "2025-12-31"}
    )
    assert "Od 2016-01-01 do 2025-12-31" in response.content.decode()


def test_dates_may_be_typed_the_polish_way(logged_in):
    response = logged_in.get(
        reverse("portal:statement"), {"start": "01.03.2026", "end": "31.03.2026"}
    )
    page = response.content.decode()
    assert "Od 2026-03-01 do 2026-03-31" in page
    assert "FK/2026/03/0001" in page


def test_messages_in_english(logged_in):
    logged_in.cookies["django_language"] = "en"
    response = logged_in.get(
        reverse("portal:statement"), {"start": "2026-05-01", "end": "2026-04-30"}
    )
    assert "The end of the period cannot be earlier than its start." in response.content.decode()
