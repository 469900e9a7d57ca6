import pytest


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "http://testserver"
