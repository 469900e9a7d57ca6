import pytest

# The office's staff, for the notices on the customer's admin page.
from ebok.backoffice.tests.conftest import operator, operator_client, roles  # noqa: F401


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "http://testserver"
