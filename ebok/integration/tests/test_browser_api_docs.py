"""The API's docs page works in a real browser under the site's Content-Security-Policy, with
nothing loaded from outside: Swagger UI lists the operations and the schema behind them."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_swagger_ui_shows_the_operations_without_csp_violations_or_outside_requests(
    page, live_server
):
    problems, outside = [], []
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith((live_server.url, "data:"))
            else None
        ),
    )
    page.goto("/api/v1/docs")
    expect(page.get_by_text("eBOK integration API").first).to_be_visible()
    expect(page.get_by_text("/api/v1/customers", exact=True).first).to_be_visible()
    expect(page.get_by_text("/api/v1/submitted-readings/ack", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Authorize")).to_be_visible()

    page.get_by_text("/api/v1/invoices/{external_id}/pdf", exact=True).click()
    body_type = page.locator("select:has(option[value='application/pdf'])")
    expect(body_type).to_have_value("application/pdf")

    assert outside == []
    assert problems == []
