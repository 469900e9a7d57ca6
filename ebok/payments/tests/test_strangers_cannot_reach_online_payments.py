"""Every customer-scoped payment URL with another customer's ids: 404. Without a provider the
portal offers no "Zapłać" and the payment pages do not exist."""

import pytest
from django.urls import reverse

from ebok.payments import services
from ebok.payments.models import OnlinePayment
from ebok.payments.providers import configured
from ebok.payments.urls import urlpatterns
from ebok.testing import make_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def strangers_payment(stranger, p24):
    make_history(stranger, years=1, serial="OBCY-1")
    invoice = stranger.invoices.first()
    part = services.Part(stranger, invoice.gross, invoice)
    services.start(
        configured(), [part], user=None, description="x", email="ewa@example.pl",
        language="pl", urls=lambda payment: ("http://x/return", "http://x/notify"),
    )  # fmt: skip
    return OnlinePayment.objects.get(), invoice


def test_every_pattern_with_an_id_is_covered():
    with_id = sorted(p.name for p in urlpatterns if "<" in str(p.pattern))
    assert with_id == ["cancel", "notify", "pay_invoice", "status"]


def test_strangers_invoice_cannot_be_paid_here(client, account, strangers_payment):
    client.force_login(account)
    _payment, invoice = strangers_payment
    assert client.get(reverse("payments:pay_invoice", args=[invoice.pk])).status_code == 404
    assert (
        client.post(
            reverse("payments:pay_invoice", args=[invoice.pk]), {"amount": "1,00"}
        ).status_code
        == 404
    )
    assert OnlinePayment.objects.count() == 1


def test_strangers_payment_cannot_be_seen_or_cancelled(client, account, strangers_payment):
    client.force_login(account)
    payment, _invoice = strangers_payment
    assert client.get(reverse("payments:status", args=[payment.session_id])).status_code == 404
    assert client.post(reverse("payments:cancel", args=[payment.session_id])).status_code == 404
    payment.refresh_from_db()
    assert payment.state == OnlinePayment.State.PENDING


def test_anonymous_visitor_is_sent_to_login(client, strangers_payment):
    payment, invoice = strangers_payment
    for url in [
        reverse("payments:pay"),
        reverse("payments:pay_invoice", args=[invoice.pk]),
        reverse("payments:pay_numbers"),
        reverse("payments:status", args=[payment.session_id]),
    ]:
        assert client.get(url).url.startswith(reverse("accounts:login")), url


def test_without_a_provider_there_is_no_pay_button_and_no_pay_page(client, account, settings):
    settings.PAYMENT_PROVIDER = "none"
    make_history(account.memberships.get().customer, years=1)
    invoice = account.memberships.get().customer.invoices.first()
    invoice.customer.payments.first().delete()
    client.force_login(account)
    for tab in ["portal:info", "portal:payments", "portal:invoices"]:
        assert "pay-button" not in client.get(reverse(tab)).content.decode()
    assert client.get(reverse("payments:pay")).status_code == 404
    assert client.get(reverse("payments:pay_invoice", args=[invoice.pk])).status_code == 404


def test_with_a_provider_the_tabs_offer_pay(client, account, unpaid_invoice, p24):
    client.force_login(account)
    for tab in ["portal:info", "portal:payments", "portal:invoices"]:
        assert "pay-button" in client.get(reverse(tab)).content.decode(), tab
    detail = client.get(reverse("portal:invoice", args=[unpaid_invoice.pk])).content.decode()
    assert reverse("payments:pay_invoice", args=[unpaid_invoice.pk]) in detail
