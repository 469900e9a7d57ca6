"""Dates in the panel's tables ("2016-01-15") stay on one line: at a phone's width, where each
row is a card, and at a small tablet's, where the desktop table is at its narrowest."""

import pytest
from playwright.sync_api import expect

from ebok.billing.models import Invoice
from ebok.testing import PASSWORD, log_in, make_account, make_customer, make_history

pytestmark = pytest.mark.django_db(transaction=True)

# For every date shown: its text and on how many lines it is laid out.
DATE_LINES = """() => [...document.querySelectorAll('.date')]
  .filter((element) => element.offsetParent !== null)
  .map((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
    return [element.textContent.trim(), tops.size];
  })"""


def test_dates_in_the_tables_stay_on_one_line(live_server, page):
    customer = make_customer()
    make_account(customer)
    make_history(customer, years=1)
    invoice = Invoice.objects.filter(customer=customer).first()
    page.goto("/")
    log_in(page, "001234", PASSWORD)
    for width in (390, 660):
        page.set_viewport_size({"width": width, "height": 800})
        shown = 0
        for path in ["/panel/invoices/", f"/panel/invoices/{invoice.pk}/", "/panel/payments/"]:
            page.goto(path)
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            dates = page.evaluate(DATE_LINES)
            shown += len(dates)
            broken = [text for text, lines in dates if lines != 1]
            assert broken == [], f"{path} at {width}px"
        assert shown >= 10  # issue and due dates, the charges' periods, payment dates
