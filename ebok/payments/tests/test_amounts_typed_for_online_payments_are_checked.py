"""An amount typed for an online payment: at least 1,00 zł, whole grosze, not absurd; a clear
message in Polish, what was typed kept, nothing registered with the provider."""

import pytest
from django.urls import reverse

from ebok.payments.models import OnlinePayment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0,50", "Najmniejsza kwota płatności online to 1,00\xa0zł."),
        ("12,345", "Nie można odczytać tej kwoty."),
        ("dużo", "Nie można odczytać tej kwoty."),
        ("100 000,01", "Największa kwota płatności online to 100\xa0000,00\xa0zł."),
        ("", "To pole jest wymagane."),
    ],
)
def test_a_bad_amount_is_refused_and_kept(client, account, p24, typed, message):
    client.force_login(account)
    response = client.post(reverse("payments:pay"), {"amount": typed}, HTTP_ACCEPT_LANGUAGE="pl")
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert f'value="{typed}"' in page or typed == ""
    assert not OnlinePayment.objects.exists()
    assert p24.transactions == {}


@pytest.mark.parametrize(("typed", "grosze"), [("1,00", 100), ("1 234,56", 123456), ("60", 6000)])
def test_a_good_amount_goes_to_the_gateway_in_grosze(client, account, p24, typed, grosze):
    client.force_login(account)
    response = client.post(reverse("payments:pay"), {"amount": typed})
    assert response.status_code == 302
    (registered,) = p24.transactions.values()
    assert registered["amount"] == grosze
