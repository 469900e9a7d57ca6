"""A large run is delivered in batches: each task sends up to TASK_BATCH notices over one SMTP
connection, and a notice that fails in the middle of a batch is retried on its own while the
others still go out."""

from datetime import timedelta
from decimal import Decimal

import pytest

from ebok.billing.models import Invoice
from ebok.customers.models import Customer
from ebok.notifications.models import Notice
from ebok.notifications.notices import TASK_BATCH
from ebok.notifications.tests.helpers import run
from ebok.testing import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def make_customers_with_invoices_due(count: int) -> list[str]:
    customers = Customer.objects.bulk_create(
        Customer(
            number=f"{7000 + n:06d}",
            name=f"Klient {n}",
            postal_code="07-100",
            city="Węgrów",
            street="ul. Gdańska 1",
            email=f"k{n}@example.pl",
        )
        for n in range(count)
    )
    customers = list(Customer.objects.filter(number__in=[c.number for c in customers]))
    Invoice.objects.bulk_create(
        Invoice(
            customer=c,
            number=f"FV/{c.number}",
            issued_on=TODAY - timedelta(days=10),
            due_on=TODAY + timedelta(days=3),
            net=Decimal("10.00"),
            vat=Decimal("0.00"),
            gross=Decimal("10.00"),
        )
        for c in customers
    )
    return sorted(c.email for c in customers)


def test_each_batch_of_notices_goes_over_one_connection(smtp_server):
    count = 2 * TASK_BATCH + 7
    addresses = make_customers_with_invoices_due(count)

    output = run("--event", "payment_due")

    assert f"queued: {count}" in output
    assert sorted(m["To"] for m in smtp_server.messages) == addresses
    assert len(set(smtp_server.peers)) == 3  # 50, 50 and 7 e-mails
    assert Notice.objects.filter(status=Notice.Status.SENT).count() == count


def test_a_refused_recipient_is_retried_alone_and_the_rest_of_the_batch_still_goes(smtp_server):
    addresses = make_customers_with_invoices_due(10)
    smtp_server.refused.add("k4@example.pl")

    run("--event", "payment_due")

    assert sorted(m["To"] for m in smtp_server.messages) == [
        a for a in addresses if a != "k4@example.pl"
    ]
    refused = Notice.objects.get(recipient="k4@example.pl")
    assert refused.status == Notice.Status.PENDING
    assert refused.attempts == 1
    assert "SMTPRecipientsRefused" in refused.last_error
    assert refused.next_attempt_at is not None
    assert Notice.objects.filter(status=Notice.Status.SENT).count() == 9
    # The e-mails after the refused one went over a new connection.
    assert len(set(smtp_server.peers)) == 2
