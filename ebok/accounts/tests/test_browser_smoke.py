import pytest

from ebok.testing import assert_accessible


@pytest.mark.django_db(transaction=True)
def test_login_page_renders_in_a_real_browser(live_server, page):
    page.goto("/")
    assert page.get_by_role("heading", name="Logowanie.").is_visible()
    assert_accessible(page)
