import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ebok.accounts.models import Membership
from ebok.testing import make_account, make_customer, make_history

pytestmark = pytest.mark.django_db

TABS = ["info", "invoices", "payments", "meters", "documents", "overview"]


def queries_for(client, url) -> int:
    client.get(url)  # the first request also records the session's activity
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def short_and_long(client):
    short = make_customer(number="000001", name="Krótka Historia")
    long = make_customer(number="000002", name="Długa Historia")
    short_meter = make_history(short, years=1, serial="K-1")[1]
    long_meter = make_history(long, years=10, serial="D-1")[1]
    return (short, short_meter), (long, long_meter)


@pytest.mark.parametrize("tab", TABS)
def test_tab_takes_as_many_queries_for_ten_years_as_for_one(client, short_and_long, tab):
    counts = []
    for customer, _meter in short_and_long:
        client.force_login(make_account(customer))
        counts.append(queries_for(client, reverse(f"portal:{tab}")))
    assert counts[0] == counts[1]
    # The session (from the database here; production reads its cache copy), the login with
    # its numbers (one query: the number in use and the switcher), and the page's own, a list's
    # page with the list's length in one: the home page has the most (balance, next payment,
    # latest invoice, last reading, news, and the use by month: the meters, their readings;
    # the open leak warnings).
    assert counts[0] <= (10 if tab == "overview" else 6)


# An invoice's page reads the invoice, its charges, the balance and the amounts of the customer's
# invoices (what is left on this one, as the list finds it). A meter's page reads the meter and
# its point, its readings with their number (one query) and its use by month; the form to submit
# a reading the meter and what guides the reading (the previous one, the start of the year's
# history and the reading window, one query). Each with the session and the login's numbers.
DETAIL_PAGES = {"invoice": 6, "meter": 5, "meter_reading": 4}


@pytest.mark.parametrize("name", DETAIL_PAGES)
def test_detail_page_takes_as_many_queries_for_ten_years_as_for_one(client, short_and_long, name):
    counts = []
    for customer, meter in short_and_long:
        client.force_login(make_account(customer))
        pk = customer.invoices.first().pk if name == "invoice" else meter.pk
        counts.append(queries_for(client, reverse(f"portal:{name}", args=[pk])))
    assert counts[0] == counts[1]
    assert counts[0] <= DETAIL_PAGES[name]


@pytest.mark.parametrize("tab", TABS)
def test_a_login_with_three_numbers_takes_as_many_queries_as_one_with_one(
    client, short_and_long, tab
):
    (short, _), (long, _) = short_and_long
    single = make_account(short)
    client.force_login(single)
    alone = queries_for(client, reverse(f"portal:{tab}"))

    manager = make_account(make_customer(number="000003", name="Zarządca"))
    for customer in (short, long):
        Membership.objects.create(user=manager, customer=customer, role=Membership.Role.VIEWER)
    client.force_login(manager)
    client.post(reverse("accounts:switch_number"), {"customer_number": "000001"})
    assert queries_for(client, reverse(f"portal:{tab}")) == alone


@pytest.mark.parametrize(
    "query",
    [
        "",  # this year so far: no entries for either
        "?start=2016-01-01&end=2025-12-31",  # the whole history: 1 year of it, or 10
        "?start=2016-01-01&end=2025-12-31&format=pdf",
        "?start=2016-01-01&end=2025-12-31&format=csv",
    ],
)
def test_statement_takes_as_many_queries_for_ten_years_as_for_one(client, short_and_long, query):
    counts = []
    for customer, _meter in short_and_long:
        client.force_login(make_account(customer))
        counts.append(queries_for(client, reverse("portal:statement") + query))
    assert counts[0] == counts[1]
    # The session, the login with its numbers, and the statement's four: the two sums before
    # the period, its invoices, its payments (the page adds nothing of its own).
    assert counts[0] <= 6
