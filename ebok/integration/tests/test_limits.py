"""At most API_MAX_BATCH records and API_MAX_BODY_BYTES per request, refused with a clear 413."""

import pytest

from ebok.customers.models import Customer
from ebok.integration.models import ApiCall
from ebok.integration.tests import payloads

pytestmark = pytest.mark.django_db


def customers(count):
    return [payloads.customer(f"K-{i}", f"{i:06d}") for i in range(count)]


def test_too_many_records_are_refused_before_any_is_checked(api, settings):
    settings.API_MAX_BATCH = 3
    batch = customers(4)
    batch[0]["number"] = "bad"  # not even looked at
    response = api.post("/customers", {"customers": batch})
    assert response.status_code == 413
    assert response.json() == {
        "detail": "Too many records: 4 in one request, at most 3 (API_MAX_BATCH). "
        "Send them in several requests."
    }
    assert not Customer.objects.exists()


def test_the_limit_counts_all_sections_of_a_mixed_batch(api, settings):
    settings.API_MAX_BATCH = 5
    assert api.post("/batch", payloads.everything()).status_code == 413
    settings.API_MAX_BATCH = 6
    assert api.post("/batch", payloads.everything()).status_code == 200


def test_as_many_records_as_the_limit_are_accepted(api, settings):
    settings.API_MAX_BATCH = 3
    assert api.post("/customers", {"customers": customers(3)}).status_code == 200


def test_the_default_limit_is_a_thousand_records(api):
    assert api.post("/customers", {"customers": customers(1001)}).status_code == 413
    assert api.post("/customers", {"customers": customers(1000)}).json()["created"] == 1000


def test_acknowledging_too_many_readings_is_refused(api, settings):
    settings.API_MAX_BATCH = 2
    assert api.post("/submitted-readings/ack", {"ids": [1, 2, 3]}).status_code == 413


def test_a_body_over_the_limit_is_refused_with_413_json(api, settings):
    settings.API_MAX_BODY_BYTES = 2000
    response = api.post("/customers", {"customers": customers(20)})
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "detail": "The request body is larger than 2000 bytes (API_MAX_BODY_BYTES)."
    }
    assert ApiCall.objects.get().status == 413


def test_a_body_larger_than_djangos_form_limit_is_accepted_up_to_the_api_limit(api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000
    response = api.post("/customers", {"customers": customers(20)})
    assert response.status_code == 200
    assert Customer.objects.count() == 20


def test_a_body_over_the_default_ten_megabytes_is_refused(api):
    body = b'{"customers": [], "padding": "' + b"x" * (10 * 1024 * 1024) + b'"}'
    response = api.post("/customers", body)
    assert response.status_code == 413


def test_an_unauthenticated_large_body_is_not_read(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10
    response = client.post(
        "/api/v1/customers", b'{"customers": []}' + b" " * 100, content_type="application/json"
    )
    assert response.status_code == 401
