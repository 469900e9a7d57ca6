"""The billing system pulls the online payments the provider confirmed (cursor and
acknowledgements, as for submitted readings), and when it pushes the payment it booked for one,
eBOK links the two: the customer sees one payment, no longer one in progress."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ebok.billing.models import Payment
from ebok.integration.tests.conftest import ApiClient
from ebok.integration.tokens import create_token
from ebok.payments.models import OnlinePayment, OnlinePaymentPart
from ebok.payments.tests.conftest import notify
from ebok.testing import make_customer

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    return ApiClient(client, create_token("billing-test")[1])


@pytest.fixture
def paid(client, account, customer, unpaid_invoice, p24):
    """The customer paid 120,00 zł for the invoice online; the provider confirmed it."""
    customer.external_id = "K-1"
    customer.save()
    unpaid_invoice.external_id = "F-42"
    unpaid_invoice.save()
    client.force_login(account)
    client.post(reverse("payments:pay_invoice", args=[unpaid_invoice.pk]), {"amount": "120,00"})
    payment = OnlinePayment.objects.get()
    notify(client, p24.pay(p24.token_of(str(payment.session_id)), notify=False))
    client.logout()
    return OnlinePayment.objects.get()


def test_a_paid_online_payment_is_pulled_with_what_the_billing_system_needs(api, paid):
    body = api.get("/online-payments").json()
    part = paid.parts.get()
    assert body["has_more"] is False
    assert body["next_cursor"] == part.id
    (pulled,) = body["payments"]
    assert pulled["id"] == part.id
    assert pulled["provider"] == "przelewy24"
    assert pulled["provider_transaction_id"] == paid.provider_transaction_id
    assert pulled["customer_external_id"] == "K-1"
    assert pulled["customer_number"] == "001234"
    assert Decimal(pulled["amount"]) == Decimal("120.00")
    assert pulled["invoice_external_id"] == "F-42"


def test_a_pending_payment_is_not_pulled(api, client, account, unpaid_invoice, p24):
    client.force_login(account)
    client.post(reverse("payments:pay_invoice", args=[unpaid_invoice.pk]), {"amount": "5,00"})
    assert api.get("/online-payments").json()["payments"] == []


def test_acknowledged_ones_are_not_pulled_again(api, paid):
    part_id = paid.parts.get().id
    answer = api.post("/online-payments/ack", {"ids": [part_id, 999999]}).json()
    assert answer == {"acknowledged": 1, "already_acknowledged": 0, "unknown": [999999]}
    assert api.get("/online-payments").json()["payments"] == []
    again = api.post("/online-payments/ack", {"ids": [part_id]}).json()
    assert again == {"acknowledged": 0, "already_acknowledged": 1, "unknown": []}


def test_the_cursor_pages_through_them(api, paid):
    part_id = paid.parts.get().id
    assert api.get("/online-payments", after=part_id).json()["payments"] == []
    assert len(api.get("/online-payments", after=part_id - 1, limit=1).json()["payments"]) == 1


def booked(part_id, customer="K-1", external_id="W-1"):
    return {
        "payments": [
            {
                "external_id": external_id,
                "customer_external_id": customer,
                "paid_on": "2026-11-20",
                "amount": "120.00",
                "title": "Przelewy24",
                "method": "other",
                "online_payment_id": part_id,
            }
        ]
    }


def test_the_booked_payment_is_linked_and_no_longer_in_progress(api, client, account, paid):
    part = paid.parts.get()
    assert api.post("/payments", booked(part.id)).status_code == 200
    part.refresh_from_db()
    assert part.booked == Payment.objects.get(external_id="W-1")
    client.force_login(account)
    tab = client.get(reverse("portal:payments")).content.decode()
    assert "Płatności w toku" not in tab
    assert tab.count("120,00\xa0zł") >= 1


def test_an_online_payment_cannot_be_booked_for_another_customer(api, paid):
    make_customer(number="005555", name="Inny", external_id="K-2")
    response = api.post("/payments", booked(paid.parts.get().id, customer="K-2"))
    assert response.status_code == 422
    assert "another customer" in response.content.decode()
    assert not Payment.objects.exists()


def test_an_online_payment_is_booked_once(api, paid):
    part_id = paid.parts.get().id
    assert api.post("/payments", booked(part_id)).status_code == 200
    assert api.post("/payments", booked(part_id)).status_code == 200  # the same again
    response = api.post("/payments", booked(part_id, external_id="W-2"))
    assert response.status_code == 422
    assert OnlinePaymentPart.objects.get().booked.external_id == "W-1"
