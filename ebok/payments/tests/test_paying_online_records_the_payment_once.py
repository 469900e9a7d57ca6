"""An online payment from "Zapłać" to paid: registered with the provider before the customer
leaves, paid only on a signed notification that matches it and that the provider confirms;
tampered, replayed, mismatched and unconfirmed notifications change nothing."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from ebok.payments.models import Notification, OnlinePayment
from ebok.payments.tests.conftest import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(client, account, unpaid_invoice, p24):
    """The customer pressed "Zapłać" on the invoice and went to the gateway."""
    client.force_login(account)
    response = client.post(
        reverse("payments:pay_invoice", args=[unpaid_invoice.pk]), {"amount": "120,00"}
    )
    payment = OnlinePayment.objects.get()
    return response, payment, p24.token_of(str(payment.session_id))


def test_the_customer_is_sent_to_the_gateway_with_a_registered_payment(started, p24):
    response, payment, token = started
    assert response.status_code == 302
    assert response.url == f"{p24.url}/trnRequest/{token}"
    registered = p24.transactions[token]
    assert registered["amount"] == 12000
    assert registered["currency"] == "PLN"
    assert registered["email"] == "jan@example.pl"
    assert registered["urlStatus"] == "http://testserver/payments/przelewy24/notify/"
    assert registered["urlReturn"].endswith(f"/panel/pay/{payment.session_id}/")
    assert payment.state == OnlinePayment.State.PENDING
    assert payment.amount == Decimal("120.00")
    assert payment.parts.get().invoice.number == "FV/2026/0042"


def test_the_invoice_page_offers_its_amount(client, account, unpaid_invoice, p24):
    client.force_login(account)
    response = client.get(reverse("payments:pay_invoice", args=[unpaid_invoice.pk]))
    page = response.content.decode()
    assert 'value="120,00"' in page
    assert "FV/2026/0042" in page
    # The form's redirect may go to the gateway, and only there.
    assert f"form-action 'self' {p24.url};" in response.headers["Content-Security-Policy"]
    other = client.get(reverse("portal:payments")).headers["Content-Security-Policy"]
    assert "form-action 'self';" in other


def test_a_signed_confirmed_notification_makes_it_paid(client, started, p24):
    _response, payment, token = started
    body = p24.pay(token, notify=False)
    assert notify(client, body).status_code == 200
    payment.refresh_from_db()
    assert payment.state == OnlinePayment.State.PAID
    assert payment.provider_transaction_id == str(body["orderId"])
    assert len(p24.verified) == 1
    assert Notification.objects.get().outcome == Notification.Outcome.ACCEPTED


def test_the_customer_sees_it_as_a_payment_in_progress(client, started, p24):
    _response, payment, token = started
    notify(client, p24.pay(token, notify=False))
    status = client.get(reverse("payments:status", args=[payment.session_id])).content.decode()
    assert "Dziękujemy: płatność została przyjęta." in status
    tab = client.get(reverse("portal:payments")).content.decode()
    assert "Płatności w toku" in tab
    assert "120,00\xa0zł" in tab


def test_a_replayed_notification_records_nothing_more(client, started, p24):
    _response, _payment, token = started
    body = p24.pay(token, notify=False)
    notify(client, body)
    paid_at = OnlinePayment.objects.get().paid_at
    assert notify(client, body).status_code == 200
    assert OnlinePayment.objects.get().paid_at == paid_at
    outcomes = sorted(Notification.objects.values_list("outcome", flat=True))
    assert outcomes == ["accepted", "repeated"]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda body: {**body, "amount": body["amount"] * 10},  # changed after signing
        lambda body: {**body, "sign": "0" * 96},
        lambda body: {key: value for key, value in body.items() if key != "sign"},
        lambda body: "not json at all",
    ],
    ids=["changed-amount", "wrong-sign", "unsigned", "not-json"],
)
def test_a_tampered_notification_is_refused_with_400(client, started, p24, tamper):
    _response, payment, token = started
    body = p24.pay(token, notify=False)
    assert notify(client, tamper(body)).status_code == 400
    payment.refresh_from_db()
    assert payment.state == OnlinePayment.State.PENDING
    assert p24.verified == []
    assert Notification.objects.get().outcome == Notification.Outcome.BAD_SIGNATURE


def test_a_signed_notification_for_another_amount_is_refused_and_logged(client, started, p24):
    _response, payment, token = started
    p24.pay(token, notify=False)
    body = p24.notification(token, amount=100, originAmount=100)  # 1,00 zł, signed by P24
    assert notify(client, body).status_code == 400
    payment.refresh_from_db()
    assert payment.state == OnlinePayment.State.PENDING
    logged = Notification.objects.get()
    assert logged.outcome == Notification.Outcome.MISMATCH
    assert logged.payment == payment
    assert json.loads(logged.body)["amount"] == 100


def test_a_notification_for_another_merchant_is_refused(client, started, p24):
    _response, _payment, token = started
    p24.pay(token, notify=False)
    assert notify(client, p24.notification(token, merchantId=999)).status_code == 400
    assert OnlinePayment.objects.get().state == OnlinePayment.State.PENDING


def test_a_notification_the_provider_does_not_confirm_is_refused(client, started, p24):
    """Signed correctly, but the provider knows no payment: verify says no."""
    _response, _payment, token = started
    p24.transactions[token]["orderId"] = 300000999  # never paid at the gateway
    assert notify(client, p24.notification(token)).status_code == 400
    assert OnlinePayment.objects.get().state == OnlinePayment.State.PENDING
    assert Notification.objects.get().outcome == Notification.Outcome.NOT_VERIFIED


def test_when_verify_times_out_nothing_is_paid_and_the_provider_is_asked_again(
    client, started, p24, settings
):
    _response, _payment, token = started
    body = p24.pay(token, notify=False)
    settings.PAYMENT_PROVIDER_TIMEOUT_SECONDS = 1
    p24.delay = 2
    assert notify(client, body).status_code == 503
    assert OnlinePayment.objects.get().state == OnlinePayment.State.PENDING


def test_when_the_provider_does_not_answer_the_customer_is_told(
    client, account, unpaid_invoice, p24, settings
):
    settings.PAYMENT_PROVIDER_TIMEOUT_SECONDS = 1
    p24.delay = 2
    client.force_login(account)
    response = client.post(
        reverse("payments:pay_invoice", args=[unpaid_invoice.pk]), {"amount": "99,50"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Płatności online są chwilowo niedostępne; nic nie zostało pobrane." in page
    assert 'value="99,50"' in page
    assert OnlinePayment.objects.get().state == OnlinePayment.State.FAILED


def test_a_customer_who_gave_up_at_the_gateway_cancels(client, started, p24):
    _response, payment, _token = started
    client.post(reverse("payments:cancel", args=[payment.session_id]))
    payment.refresh_from_db()
    assert payment.state == OnlinePayment.State.CANCELLED
    assert "Płatności w toku" not in client.get(reverse("portal:payments")).content.decode()


def test_a_payment_proved_after_a_cancel_is_still_recorded(client, started, p24):
    _response, payment, token = started
    client.post(reverse("payments:cancel", args=[payment.session_id]))
    notify(client, p24.pay(token, notify=False))
    payment.refresh_from_db()
    assert payment.state == OnlinePayment.State.PAID


def test_an_unknown_provider_name_is_not_found(client, started, p24):
    _response, _payment, token = started
    assert notify(client, p24.pay(token, notify=False), provider="payu").status_code == 404
