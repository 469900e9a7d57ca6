"""Each push endpoint creates what is new, updates what changed and leaves the rest alone:
the same batch sent twice changes nothing the second time."""

from datetime import date
from decimal import Decimal

import pytest

from ebok.billing.models import Payment
from ebok.customers.models import Customer, Meter, Reading, ServicePoint
from ebok.integration.tests import payloads
from ebok.testing import make_account, make_customer

pytestmark = pytest.mark.django_db

# endpoint, section, the records it needs first (mixed batch), a record, a change, model, check
CASES = {
    "customers": (
        "/customers",
        {},
        payloads.customer(),
        {"name": "Jan Węgrowski-Nowak"},
        lambda: Customer.objects.get(external_id="K-1").name,
    ),
    "service_points": (
        "/service-points",
        {"customers": [payloads.customer()]},
        payloads.service_point(),
        {"sewage": False},
        lambda: ServicePoint.objects.get(external_id="PP-1").sewage,
    ),
    "meters": (
        "/meters",
        {"customers": [payloads.customer()], "service_points": [payloads.service_point()]},
        payloads.meter(),
        {"removed_on": "2026-06-30"},
        lambda: Meter.objects.get(external_id="M-1").removed_on,
    ),
    "readings": (
        "/readings",
        {
            "customers": [payloads.customer()],
            "service_points": [payloads.service_point()],
            "meters": [payloads.meter()],
        },
        payloads.reading(),
        {"value": "130.000"},
        lambda: Reading.objects.get(external_id="R-1").value,
    ),
    "payments": (
        "/payments",
        {"customers": [payloads.customer()]},
        payloads.payment(),
        {"amount": "45.50"},
        lambda: Payment.objects.get(external_id="W-1").amount,
    ),
}


@pytest.mark.parametrize("section", CASES)
def test_a_record_is_created_then_unchanged_then_updated(api, section):
    endpoint, needed, record, change, read = CASES[section]
    if needed:
        assert api.post("/batch", needed).status_code == 200

    created = api.post(endpoint, {section: [record]})
    assert created.status_code == 200, created.json()
    assert created.json() == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "sections": {section: {"created": 1, "updated": 0, "unchanged": 0}},
    }
    before = read()

    again = api.post(endpoint, {section: [record]})
    assert again.json()["unchanged"] == 1
    assert again.json()["created"] == again.json()["updated"] == 0
    assert read() == before

    updated = api.post(endpoint, {section: [{**record, **change}]})
    assert updated.json()["updated"] == 1
    assert read() != before


def test_a_customer_is_stored_as_sent(api):
    api.post(
        "/customers",
        {"customers": [payloads.customer(phone="25 792 00 00", bank_account="6" * 26)]},
    )
    customer = Customer.objects.get()
    assert (customer.number, customer.name, customer.city) == ("001234", "Jan Węgrowski", "Węgrów")
    assert (customer.email, customer.phone, customer.bank_account) == (
        "jan@example.pl",
        "25 792 00 00",
        "6" * 26,
    )


def test_an_e_mail_left_out_keeps_the_one_the_customer_gave(api):
    api.post("/customers", {"customers": [payloads.customer()]})
    Customer.objects.update(email="nowy@example.pl")
    record = payloads.customer(name="Jan Węgrowski")
    del record["email"]
    assert api.post("/customers", {"customers": [record]}).json()["unchanged"] == 1
    assert Customer.objects.get().email == "nowy@example.pl"


def test_an_update_moves_the_updated_time(api):
    api.post("/customers", {"customers": [payloads.customer()]})
    first = Customer.objects.get().updated_at
    api.post("/customers", {"customers": [payloads.customer(city="Sokołów Podlaski")]})
    assert Customer.objects.get().updated_at > first


def test_a_customer_the_office_created_by_hand_is_taken_over_by_number(api):
    make_customer(number="001234", name="Jan W.")
    response = api.post("/customers", {"customers": [payloads.customer()]})
    assert response.json()["updated"] == 1
    customer = Customer.objects.get()
    assert (customer.external_id, customer.name) == ("K-1", "Jan Węgrowski")


def test_numbers_keep_their_leading_zeros_and_values_their_places(api):
    api.post("/batch", payloads.everything())
    assert Customer.objects.get().number == "001234"
    assert Reading.objects.get().value == Decimal("123.450")
    assert Meter.objects.get().installed_on == date(2015, 1, 1)


def test_money_and_values_may_also_come_as_json_numbers(api):
    batch = payloads.everything()
    batch["payments"][0]["amount"] = 40.5
    batch["readings"][0]["value"] = 123
    assert api.post("/batch", batch).status_code == 200
    assert Payment.objects.get().amount == Decimal("40.50")
    assert api.post("/batch", batch).json()["unchanged"] == 6


def test_a_customer_reading_the_billing_system_sends_back_replaces_the_submitted_row(api):
    api.post("/batch", {k: v for k, v in payloads.everything().items() if k != "readings"})
    submitted = Reading.objects.create(
        meter=Meter.objects.get(),
        read_on=date(2026, 11, 20),
        value=Decimal("140"),
        source="customer",
    )
    record = payloads.reading(
        "R-9", read_on="2026-11-20", value="140.000", source="customer", submitted_id=submitted.pk
    )
    assert api.post("/readings", {"readings": [record]}).json()["updated"] == 1
    assert Reading.objects.get().external_id == "R-9"
    assert api.post("/readings", {"readings": [record]}).json()["unchanged"] == 1


def test_a_customer_without_an_account_may_get_a_new_number(api):
    api.post("/customers", {"customers": [payloads.customer()]})
    assert (
        api.post("/customers", {"customers": [payloads.customer(number="7001234")]}).json()[
            "updated"
        ]
        == 1
    )
    assert Customer.objects.get().number == "7001234"


def test_the_number_of_a_customer_with_an_account_does_not_change(api):
    api.post("/customers", {"customers": [payloads.customer()]})
    make_account(Customer.objects.get())
    response = api.post("/customers", {"customers": [payloads.customer(number="7001234")]})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "number"
    assert Customer.objects.get().number == "001234"
