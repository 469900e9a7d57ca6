import json

import pytest

from ebok.integration.tokens import create_token


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def api_token(db):
    """An active token: (the model, the token the billing system sends)."""
    return create_token("billing-test")


class ApiClient:
    """Django's test client speaking JSON to /api/v1/ with a bearer token."""

    def __init__(self, client, token):
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def post(self, path, body):
        data = body if isinstance(body, bytes | str) else json.dumps(body)
        return self.client.post(
            f"/api/v1{path}", data, content_type="application/json", headers=self.headers
        )

    def put(self, path, content: bytes, content_type="application/pdf"):
        return self.client.put(
            f"/api/v1{path}", content, content_type=content_type, headers=self.headers
        )

    def get(self, path, **params):
        return self.client.get(f"/api/v1{path}", params, headers=self.headers)

    def delete(self, path):
        return self.client.delete(f"/api/v1{path}", headers=self.headers)


@pytest.fixture
def api(client, api_token):
    return ApiClient(client, api_token[1])
