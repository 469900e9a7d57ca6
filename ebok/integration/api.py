"""The integration API: the billing system keeps eBOK current (docs/api.md).

Mounted at /api/v1/ in ebok/urls.py. Every operation needs a bearer token; every call, refused
or not, is logged (ApiCall). The OpenAPI schema is at /api/v1/openapi.json, the docs at
/api/v1/docs.
"""

from ninja import NinjaAPI, Router

from ebok.cases import api as cases_api
from ebok.integration.docs import LocalSwagger, swagger_asset
from ebok.integration.errors import install_handlers
from ebok.integration.security import BearerToken, logged_call
from ebok.integration.views import batches, online_payments, pull, withdrawals

DESCRIPTION = """\
How the utility's billing system keeps eBOK current: it pushes customers, service points,
meters, readings, invoices (with their charges and PDFs), payments, what customers owe as of a
day (balances), documents and memberships (which login may reach which customer number),
keyed by its own ids (`external_id`), withdraws what it cancelled, pulls the readings customers
submitted and the payments they made online, and pulls the cases customers filed and pushes
the office's answers to them.
Every request needs `Authorization: Bearer <token>` (`manage.py create_api_token`);
every POST sends JSON as `Content-Type: application/json` (else 415).
A batch is all or nothing; sending it again changes nothing. See docs/api.md.
"""


class IntegrationAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation):
        return operation.view_func.__name__  # short and stable: push_customers, ...


api = IntegrationAPI(
    title="eBOK integration API",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="integration-api",
    docs=LocalSwagger(),
    auth=BearerToken(),
)
install_handlers(api)

endpoints = Router()
endpoints.add_decorator(logged_call(api), mode="view")
endpoints.add_router("", batches.router)
endpoints.add_router("", withdrawals.router)
endpoints.add_router("", pull.router)
endpoints.add_router("", online_payments.router)
endpoints.add_router("", cases_api.router)
api.add_router("", endpoints)

api.get("/docs/assets/{name}", auth=None, include_in_schema=False, url_name="swagger_asset")(
    swagger_asset
)
