"""The OpenAPI schema as committed in docs/openapi.json (a test keeps the two equal)."""

import json

from ebok.integration.api import api


def schema_json() -> str:
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
