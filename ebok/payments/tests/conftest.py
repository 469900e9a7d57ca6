import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from ebok.billing.models import Invoice
from ebok.payments.testing import Przelewy24Server


@pytest.fixture
def p24(settings):
    """A local Przelewy24, and eBOK configured to use it."""
    with Przelewy24Server() as server:
        for name, value in server.settings().items():
            setattr(settings, name, value)
        yield server


@pytest.fixture
def unpaid_invoice(customer):
    today = timezone.localdate()
    return Invoice.objects.create(
        customer=customer,
        number="FV/2026/0042",
        issued_on=today - timedelta(days=10),
        due_on=today + timedelta(days=4),
        net=Decimal("111.11"),
        vat=Decimal("8.89"),
        gross=Decimal("120.00"),
    )


def notify(client, body, provider="przelewy24"):
    """POST a notification to eBOK as the provider does (JSON)."""
    data = body if isinstance(body, bytes | str) else json.dumps(body)
    return client.post(f"/payments/{provider}/notify/", data, content_type="application/json")
