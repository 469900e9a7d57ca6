"""A JSON body must say it is JSON: anything else is refused with 415 and nothing is written."""

import json

import pytest

from ebok.customers.models import Customer
from ebok.integration.models import ApiCall
from ebok.integration.openapi import schema_json
from ebok.integration.tests import payloads

pytestmark = pytest.mark.django_db

BODY = json.dumps({"customers": [payloads.customer()]})
REFUSAL = {"detail": "The body must be JSON in UTF-8, sent with `Content-Type: application/json`."}


def post(client, api_token, content_type, body=BODY, path="/customers"):
    return client.generic(
        "POST",
        f"/api/v1{path}",
        body,
        content_type=content_type,
        headers={"Authorization": f"Bearer {api_token[1]}"},
    )


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "text/plain; charset=utf-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/octet-stream",
        "",
        "application/json; charset=iso-8859-2",
        "application/jsonx",
    ],
)
def test_a_json_body_sent_as_anything_but_json_is_refused_with_415(client, api_token, content_type):
    response = post(client, api_token, content_type)

    assert response.status_code == 415
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == REFUSAL
    assert not Customer.objects.exists()
    assert ApiCall.objects.get().status == 415


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "application/json; charset=utf-8", "Application/JSON; Charset=UTF-8"],
)
def test_json_with_or_without_a_utf8_charset_is_written(client, api_token, content_type):
    response = post(client, api_token, content_type)

    assert response.status_code == 200, response.content
    assert Customer.objects.get().number == "001234"


def test_every_operation_that_takes_json_refuses_another_type(client, api_token):
    schema = json.loads(schema_json())
    operations = [
        (path.removeprefix("/api/v1"), method)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
        if "application/json" in operation.get("requestBody", {}).get("content", {})
    ]
    assert len(operations) == 16  # the twelve pushes and the four acknowledgements

    for path, method in operations:
        response = client.generic(
            method.upper(),
            f"/api/v1{path}",
            "{}",
            content_type="text/plain",
            headers={"Authorization": f"Bearer {api_token[1]}"},
        )
        assert response.status_code == 415, (method, path)
        assert 415 in map(int, schema["paths"][f"/api/v1{path}"][method]["responses"])
