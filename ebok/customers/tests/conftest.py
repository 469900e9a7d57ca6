# The office's staff, for the readings to review.
from ebok.backoffice.tests.conftest import operator, operator_client, roles  # noqa: F401
