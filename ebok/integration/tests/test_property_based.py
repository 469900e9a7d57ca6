"""Schemathesis sends requests made from the OpenAPI schema, valid and invalid, with a valid
token: none may end in a server error (5xx). Bounded: at most 20 examples per operation."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from ebok.customers.models import Meter, Reading
from ebok.integration.tests import payloads

# Invoice PDFs: real ones and anything else.
schemathesis.openapi.media_type(
    "application/pdf",
    st.one_of(st.binary(max_size=200).map(lambda tail: payloads.PDF + tail), st.binary()),
)


@pytest.fixture
def connections_kept_open():
    """The WSGI handler closes the database connection after each request (which would end the
    test's transaction on PostgreSQL); Django's test client keeps it open the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def pushed(api):
    """Some data for the generated requests to meet (ids that exist, a submitted reading)."""
    assert api.post("/batch", payloads.everything()).status_code == 200
    Reading.objects.create(
        meter=Meter.objects.get(), read_on="2026-11-20", value="150.000", source="customer"
    )


# Loaded from the running application (in-process WSGI, so the test database is the one used).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_request_ends_in_a_server_error(case, api, pushed, connections_kept_open):
    case.call_and_validate(headers=api.headers, checks=[not_a_server_error])
