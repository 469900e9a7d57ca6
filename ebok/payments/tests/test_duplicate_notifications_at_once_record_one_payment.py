"""A burst of the same notification against a live server (the provider retries, a proxy
repeats): the payment is recorded paid once, every copy is answered 200, and the log shows one
acceptance and the rest as repeats."""

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from ebok.payments import services
from ebok.payments.models import Notification, OnlinePayment
from ebok.payments.providers import configured

pytestmark = pytest.mark.django_db(transaction=True)

COPIES = 8


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's in-memory test database is one connection shared by the server's threads",
)
def test_a_burst_of_duplicate_notifications_records_one_payment(live_server, customer, p24):
    notify_url = live_server.url + reverse("payments:notify", args=["przelewy24"])
    services.start(
        configured(),
        [services.Part(customer, Decimal("60.00"))],
        user=None,
        description="Klient 001234",
        email="jan@example.pl",
        language="pl",
        urls=lambda payment: (live_server.url + "/", notify_url),
    )
    payment = OnlinePayment.objects.get()
    body = json.dumps(p24.pay(p24.token_of(str(payment.session_id)), notify=False)).encode()

    def send(_):
        request = urllib.request.Request(  # noqa: S310 (the live server, local)
            notify_url, data=body, method="POST", headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
            return answer.status

    with ThreadPoolExecutor(max_workers=COPIES) as pool:
        statuses = list(pool.map(send, range(COPIES)))

    assert statuses == [200] * COPIES
    payment.refresh_from_db()
    assert payment.state == OnlinePayment.State.PAID
    outcomes = list(Notification.objects.values_list("outcome", flat=True))
    assert sorted(outcomes) == ["accepted"] + ["repeated"] * (COPIES - 1)
