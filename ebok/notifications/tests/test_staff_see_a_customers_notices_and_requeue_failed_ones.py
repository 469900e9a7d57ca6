"""An operator sees a customer's notices of the last 12 months on the customer's page, failed
ones with their error, and can queue failed notices again from the notices' list."""

from datetime import timedelta

import pytest
from django.urls import reverse

from ebok.notifications.models import Notice
from ebok.testing import NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def test_the_customer_page_lists_notices_and_failed_ones_can_be_requeued(
    operator_client,
    customer,
):
    failed = Notice.objects.create(
        customer=customer,
        event="overdue",
        occasion="a",
        channel="email",
        recipient="jan@example.pl",
        status="failed",
        attempts=5,
        subject="Płatność po terminie",
    )
    Notice.objects.create(
        customer=customer,
        event="overdue",
        occasion="old",
        channel="email",
        subject="Sprzed roku",
        status="sent",
        created_at=NOW - timedelta(days=400),
    )

    page = operator_client.get(reverse("admin:customers_customer_change", args=[customer.pk]))
    text = page.content.decode()
    assert "Wysłane powiadomienia" in text
    assert "Płatność po terminie" in text and "nieudane" in text
    assert "Sprzed roku" not in text

    operator_client.post(
        reverse("admin:notifications_notice_changelist"),
        {"action": "retry", "_selected_action": [failed.pk]},
    )
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (Notice.Status.PENDING, 0)
