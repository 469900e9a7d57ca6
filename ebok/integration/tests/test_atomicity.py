"""A batch is all or nothing: one bad record rejects it with every error, and nothing is written."""

import pytest

from ebok.billing.models import Invoice, InvoiceLine, Payment
from ebok.customers.models import Customer, Meter, Reading, ServicePoint
from ebok.integration.tests import payloads

pytestmark = pytest.mark.django_db

NOTHING = (Customer, ServicePoint, Meter, Reading, Invoice, InvoiceLine, Payment)


def assert_nothing_written():
    assert [model.objects.count() for model in NOTHING] == [0] * len(NOTHING)


def test_one_bad_record_in_the_middle_rejects_the_batch_with_its_index_and_field(api):
    customers = [payloads.customer(f"K-{i}", f"{i:06d}") for i in range(5)]
    customers[2]["number"] = "00-12"
    response = api.post("/customers", {"customers": customers})
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "The request was rejected; nothing was written."
    assert [(e["section"], e["index"], e["field"]) for e in body["errors"]] == [
        ("customers", 2, "number")
    ]
    assert_nothing_written()


def test_every_bad_record_is_listed(api):
    customers = [payloads.customer(f"K-{i}", f"{i:06d}") for i in range(4)]
    customers[1]["name"] = ""
    customers[3]["email"] = "not an address"
    del customers[3]["city"]
    errors = api.post("/customers", {"customers": customers}).json()["errors"]
    assert [(e["index"], e["field"]) for e in errors] == [(1, "name"), (3, "city"), (3, "email")]


def test_an_error_in_a_later_section_rejects_the_earlier_sections_too(api):
    batch = payloads.everything()
    batch["payments"][0]["paid_on"] = "2026-13-01"
    response = api.post("/batch", batch)
    assert response.status_code == 422
    assert [(e["section"], e["index"], e["field"]) for e in response.json()["errors"]] == [
        ("payments", 0, "paid_on")
    ]
    assert_nothing_written()


def test_an_error_found_against_the_database_rejects_the_whole_batch(api):
    api.post("/customers", {"customers": [payloads.customer()]})
    customers = [
        payloads.customer("K-2", "000002"),
        payloads.customer("K-3", "001234"),  # the number of K-1
        payloads.customer("K-4", "000004"),
    ]
    response = api.post("/customers", {"customers": customers})
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert (error["index"], error["field"]) == (1, "number")
    assert list(Customer.objects.values_list("external_id", flat=True)) == ["K-1"]


def test_an_update_in_a_rejected_batch_is_not_written(api):
    api.post("/customers", {"customers": [payloads.customer()]})
    batch = [payloads.customer(name="Changed"), payloads.customer("K-2", "bad")]
    assert api.post("/customers", {"customers": batch}).status_code == 422
    assert Customer.objects.get().name == "Jan Węgrowski"


def test_the_same_external_id_twice_in_a_batch_is_an_error(api):
    batch = [payloads.customer(), payloads.customer(number="000009")]
    errors = api.post("/customers", {"customers": batch}).json()["errors"]
    assert [(e["index"], e["field"]) for e in errors] == [(1, "external_id")]


def test_the_same_number_twice_in_a_batch_is_an_error(api):
    batch = [payloads.customer(), payloads.customer("K-2")]
    errors = api.post("/customers", {"customers": batch}).json()["errors"]
    assert [(e["index"], e["field"]) for e in errors] == [(1, "number")]


def test_a_body_that_is_no_json_is_refused_with_400(api):
    response = api.post("/customers", b"{not json")
    assert response.status_code == 400
    assert response.json()["detail"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("external_id", "K 1/2"),
        ("name", "Jan\nWęgrowski"),
        ("name", "Jan\x00"),
        ("name", "x" * 201),
        ("number", "\uff11\uff12\uff13"),  # full-width digits are no digits here
        ("unknown_field", "x"),
    ],
)
def test_malformed_fields_are_refused(api, field, value):
    record = {**payloads.customer(), field: value}
    errors = api.post("/customers", {"customers": [record]}).json()["errors"]
    assert [(e["index"], e["field"]) for e in errors] == [(0, field)]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("amount", "12.345"),
        ("amount", "NaN"),
        ("amount", "1e20"),
        ("paid_on", "10.11.2026"),
        ("paid_on", 1700000000),
        ("paid_on", "1066-10-14"),
        ("method", "barter"),
    ],
)
def test_money_dates_and_choices_are_checked(api, field, value):
    api.post("/customers", {"customers": [payloads.customer()]})
    record = {**payloads.payment(), field: value}
    errors = api.post("/payments", {"payments": [record]}).json()["errors"]
    assert [(e["index"], e["field"]) for e in errors] == [(0, field)]


@pytest.mark.parametrize(
    ("section", "record", "field"),
    [
        ("meters", payloads.meter(removed_on="2014-12-31"), "removed_on"),
        ("invoices", payloads.invoice(period_end="2026-08-31"), "period_end"),
        (
            "invoices",
            payloads.invoice(charges=[payloads.charge(period_end="2026-01-01")]),
            "charges.0.period_end",
        ),
    ],
)
def test_a_period_that_ends_before_it_starts_is_refused(api, section, record, field):
    errors = api.post("/batch", {section: [record]}).json()["errors"]
    assert [(e["section"], e["index"], e["field"]) for e in errors] == [(section, 0, field)]
    assert errors[0]["message"].startswith("Must not be before")
