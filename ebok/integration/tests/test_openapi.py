"""The OpenAPI schema is served and committed (docs/openapi.json); the docs page needs nothing
from outside and no inline script."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from ebok.integration.openapi import schema_json

pytestmark = pytest.mark.django_db

COMMITTED = Path(settings.BASE_DIR) / "docs" / "openapi.json"


def test_the_committed_schema_is_the_current_one():
    assert COMMITTED.read_text(encoding="utf-8") == schema_json(), (
        "docs/openapi.json is out of date: run `make openapi` and commit it."
    )


def test_the_schema_is_served_at_openapi_json(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json() == json.loads(schema_json())


def test_the_schema_names_every_endpoint_and_the_bearer_token():
    schema = json.loads(schema_json())
    assert set(schema["paths"]) == {
        "/api/v1/customers",
        "/api/v1/service-points",
        "/api/v1/meters",
        "/api/v1/readings",
        "/api/v1/reading-windows",
        "/api/v1/invoices",
        "/api/v1/payments",
        "/api/v1/balances",
        "/api/v1/memberships",
        "/api/v1/batch",
        "/api/v1/documents",
        "/api/v1/invoices/{external_id}/pdf",
        "/api/v1/invoices/{external_id}",
        "/api/v1/payments/{external_id}",
        "/api/v1/documents/{external_id}",
        "/api/v1/memberships/{external_id}",
        "/api/v1/submitted-readings",
        "/api/v1/submitted-readings/ack",
        "/api/v1/online-payments",
        "/api/v1/online-payments/ack",
        "/api/v1/account-changes",
        "/api/v1/account-changes/ack",
        "/api/v1/case-messages",
        "/api/v1/case-messages/ack",
        "/api/v1/case-updates",
        "/api/v1/submitted-readings/{reading_id}/photo",
    }
    assert schema["components"]["securitySchemes"]["BearerToken"] == {
        "type": "http",
        "scheme": "bearer",
    }
    money = schema["components"]["schemas"]["PaymentIn"]["properties"]["amount"]
    assert money["type"] == "string" and money["pattern"].endswith(r"(\.[0-9]{1,2})?$")


def test_the_docs_page_loads_only_our_own_files(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    # Every script has a source (no inline code), and every address is on this site.
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    assert scripts and all('src="' in attrs and not body.strip() for attrs, body in scripts)
    addresses = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert addresses and all(address.startswith("/") for address in addresses)
    for address in addresses:
        if address.startswith("/static/"):
            assert finders.find(address.removeprefix("/static/").split("?")[0])
        else:
            assert client.get(address).status_code == 200, address


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("swagger-ui-bundle.js", "text/javascript"), ("swagger-ui.css", "text/css")],
)
def test_swagger_ui_comes_from_ninjas_package(client, name, content_type):
    response = client.get(f"/api/v1/docs/assets/{name}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert b"".join(response.streaming_content)


def test_no_other_file_is_served_as_an_asset(client):
    assert client.get("/api/v1/docs/assets/redoc.standalone.js").status_code == 404
    assert client.get("/api/v1/docs/assets/..%2F..%2F__init__.py").status_code == 404
