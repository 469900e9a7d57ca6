import pytest

from ebok.accounts.tests.helpers import make_terms


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded files go to a temporary folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def terms(db, media):
    """The general terms of service in force."""
    return make_terms()
