"""The billing system pulls the readings customers submitted, page by page after a cursor, and
acknowledges what it stored; it sees each reading until it has acknowledged it, then never."""

from datetime import date
from decimal import Decimal

import pytest

from ebok.customers.models import Meter, Reading
from ebok.integration.models import ReadingExport
from ebok.integration.tests import payloads

pytestmark = pytest.mark.django_db


@pytest.fixture
def meter(api):
    assert api.post("/batch", payloads.everything()).status_code == 200
    return Meter.objects.get()


def submit(meter, day, value):
    return Reading.objects.create(
        meter=meter, read_on=date(2026, 11, day), value=Decimal(value), source="customer"
    )


def ids(response):
    return [reading["id"] for reading in response.json()["readings"]]


def test_submitted_readings_come_with_what_the_billing_system_knows_them_by(api, meter):
    reading = submit(meter, 20, "140.125")
    body = api.get("/submitted-readings").json()
    assert body["has_more"] is False
    assert body["next_cursor"] == reading.id
    (pulled,) = body["readings"]
    assert pulled == {
        "id": reading.id,
        "meter_external_id": "M-1",
        "meter_serial_number": "WM-M-1",
        "service_point_external_id": "PP-1",
        "customer_external_id": "K-1",
        "customer_number": "001234",
        "read_on": "2026-11-20",
        "value": "140.125",
        "submitted_at": pulled["submitted_at"],
        "needs_review": False,
        "review": "not_needed",
        "reviewed_at": None,
        "photo_url": None,
    }


def test_only_readings_customers_submitted_in_eBOK_are_pulled(api, meter):
    submitted = submit(meter, 20, "140")
    # The billing system's own reading (from payloads.everything) and a customer reading it
    # already sent with its own id are not pulled.
    api.post("/readings", {"readings": [payloads.reading("R-2", source="customer")]})
    assert ids(api.get("/submitted-readings")) == [submitted.id]


def test_pages_follow_the_cursor(api, meter):
    readings = [submit(meter, day, f"{140 + day}") for day in range(1, 6)]
    first = api.get("/submitted-readings", limit=2).json()
    assert [r["id"] for r in first["readings"]] == [r.id for r in readings[:2]]
    assert first["has_more"] is True
    second = api.get("/submitted-readings", after=first["next_cursor"], limit=2).json()
    third = api.get("/submitted-readings", after=second["next_cursor"], limit=2).json()
    assert [r["id"] for r in second["readings"] + third["readings"]] == [r.id for r in readings[2:]]
    assert third["has_more"] is False
    empty = api.get("/submitted-readings", after=third["next_cursor"]).json()
    assert empty == {"readings": [], "next_cursor": third["next_cursor"], "has_more": False}


def test_acknowledged_readings_are_not_pulled_again(api, meter):
    first, second = submit(meter, 1, "141"), submit(meter, 2, "142")
    response = api.post("/submitted-readings/ack", {"ids": [first.id]})
    assert response.json() == {"acknowledged": 1, "already_acknowledged": 0, "unknown": []}
    assert ids(api.get("/submitted-readings")) == [second.id]


def test_unacknowledged_readings_come_again_when_the_cursor_is_reset(api, meter):
    first, second, third = (submit(meter, day, f"{140 + day}") for day in (1, 2, 3))
    pulled = api.get("/submitted-readings").json()
    assert ids(api.get("/submitted-readings", after=pulled["next_cursor"])) == []
    api.post("/submitted-readings/ack", {"ids": [first.id, third.id]})
    assert ids(api.get("/submitted-readings", after=0)) == [second.id]


def test_acknowledging_twice_changes_nothing(api, meter):
    reading = submit(meter, 1, "141")
    api.post("/submitted-readings/ack", {"ids": [reading.id]})
    acknowledged_at = ReadingExport.objects.get().acknowledged_at
    response = api.post("/submitted-readings/ack", {"ids": [reading.id]})
    assert response.json() == {"acknowledged": 0, "already_acknowledged": 1, "unknown": []}
    assert ReadingExport.objects.get().acknowledged_at == acknowledged_at


def test_ids_that_are_no_submitted_reading_are_reported_and_ignored(api, meter, api_token):
    reading = submit(meter, 1, "141")
    billing_reading = Reading.objects.get(external_id="R-1")
    response = api.post(
        "/submitted-readings/ack", {"ids": [reading.id, billing_reading.id, 999999]}
    )
    assert response.json() == {
        "acknowledged": 1,
        "already_acknowledged": 0,
        "unknown": sorted([billing_reading.id, 999999]),
    }
    assert ReadingExport.objects.get().token == api_token[0]


@pytest.mark.parametrize("query", ["after=-1", "after=x", "limit=0", "limit=1001"])
def test_a_bad_cursor_or_limit_is_422(api, meter, query):
    response = api.client.get(f"/api/v1/submitted-readings?{query}", headers=api.headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] in {"after", "limit"}
