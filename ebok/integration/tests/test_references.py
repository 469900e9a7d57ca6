"""Records name each other by external_id: the one named must be in eBOK or earlier in the
same request."""

import pytest

from ebok.customers.models import Meter, ServicePoint
from ebok.integration.tests import payloads

pytestmark = pytest.mark.django_db


def test_an_unknown_service_point_is_an_error_at_that_index(api):
    api.post(
        "/batch", {"customers": [payloads.customer()], "service_points": [payloads.service_point()]}
    )
    meters = [payloads.meter("M-1"), payloads.meter("M-2", "PP-404"), payloads.meter("M-3")]
    response = api.post("/meters", {"meters": meters})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "section": "meters",
            "index": 1,
            "field": "service_point_external_id",
            "message": "No service point with external_id 'PP-404', neither in eBOK nor "
            "earlier in this request.",
        }
    ]
    assert not Meter.objects.exists()


def test_a_record_may_name_one_earlier_in_the_same_request(api):
    response = api.post("/batch", payloads.everything())
    assert response.status_code == 200
    assert response.json()["created"] == 6
    meter = Meter.objects.select_related("service_point__customer").get()
    assert meter.service_point.customer.number == "001234"


def test_the_sections_of_a_request_are_written_in_order_whatever_their_order_in_the_body(api):
    batch = dict(reversed(list(payloads.everything().items())))
    assert api.post("/batch", batch).status_code == 200


def test_each_unknown_reference_is_listed(api):
    batch = {
        "service_points": [payloads.service_point(customer="K-404")],
        "payments": [payloads.payment(customer="K-405")],
        "readings": [payloads.reading(meter="M-404")],
    }
    errors = api.post("/batch", batch).json()["errors"]
    assert [(e["section"], e["index"], e["field"]) for e in errors] == [
        ("service_points", 0, "customer_external_id"),
        ("readings", 0, "meter_external_id"),
        ("payments", 0, "customer_external_id"),
    ]


def test_a_service_point_may_move_to_another_customer(api):
    api.post("/batch", payloads.everything())
    batch = {
        "customers": [payloads.customer("K-2", "000002")],
        "service_points": [payloads.service_point(customer="K-2")],
    }
    assert api.post("/batch", batch).json()["updated"] == 1
    assert ServicePoint.objects.get().customer.number == "000002"


def test_lookups_take_one_query_per_model_however_many_records(api, django_assert_max_num_queries):
    api.post("/batch", payloads.everything())
    readings = [payloads.reading(f"R-{i}", read_on=f"2026-01-{i:02d}") for i in range(1, 29)]
    # token check and last use (2), savepoint, own rows, meters, insert, log, release
    with django_assert_max_num_queries(10):
        assert api.post("/readings", {"readings": readings}).status_code == 200
    with django_assert_max_num_queries(10):
        assert api.post("/readings", {"readings": readings}).json()["unchanged"] == 28
