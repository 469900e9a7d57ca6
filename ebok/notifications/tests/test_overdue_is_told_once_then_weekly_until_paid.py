"""Something past due is told once, then again a week later at the earliest, until it is paid;
staff see the notices, failed ones too, on the customer's page in the admin."""

from datetime import timedelta

import pytest

from ebok.billing.models import Payment
from ebok.notifications.models import Notice
from ebok.notifications.tests.helpers import make_invoice, run
from ebok.testing import TODAY

pytestmark = [pytest.mark.django_db]


def test_overdue_notices_come_weekly_and_stop_once_paid(clock, customer, smtp_server):
    invoice = make_invoice(customer, due_in=-2, gross="80.00", issued_ago=30)

    for _day in range(8):
        run("--event", "overdue")
        clock.shift(timedelta(days=1, minutes=-3))  # each run a little earlier than the last

    assert Notice.objects.filter(event="overdue").count() == 2  # day 0 and day 7
    [first, _second] = smtp_server.to("jan@example.pl")
    assert first["Subject"] == "Płatność po terminie"
    assert "80,00\xa0zł" in smtp_server.body(first)
    Payment.objects.create(customer=customer, paid_on=TODAY, amount=invoice.gross)
    clock.shift(timedelta(days=7))
    run("--event", "overdue")
    assert Notice.objects.filter(event="overdue").count() == 2
