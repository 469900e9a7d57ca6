"""A payment the billing system pushes through the API is told at once, by e-mail, to the
customer who turned "payment received" on; pushed again, it is not told twice, and a customer
who kept the default (off) hears nothing."""

import pytest

from ebok.integration.tests import payloads
from ebok.integration.tests.conftest import ApiClient
from ebok.integration.tokens import create_token
from ebok.notifications.models import Notice, Preference
from ebok.testing import make_customer

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("clock")]


def test_a_pushed_payment_is_emailed_once_to_who_wants_it(client, smtp_server):
    api = ApiClient(client, create_token("billing-test")[1])
    api.post(
        "/customers",
        {
            "customers": [
                payloads.customer(),
                payloads.customer("K-2", "002222", email="ola@example.pl"),
            ]
        },
    )
    jan = make_customer()
    Preference.objects.create(customer=jan, event="payment_received", channel="email", enabled=True)
    batch = {"payments": [payloads.payment(), payloads.payment("W-2", "K-2")]}

    assert api.post("/payments", batch).status_code == 200
    assert api.post("/payments", batch).status_code == 200

    [message] = smtp_server.messages
    assert message["To"] == "jan@example.pl"
    assert message["Subject"] == "Otrzymana wpłata"
    assert "40,00\xa0zł" in smtp_server.body(message)
    assert Notice.objects.get().status == Notice.Status.SENT
