"""The billing system pulls changes of contact data and consents made in eBOK the way it pulls
submitted readings: after a cursor, until it acknowledges them."""

import pytest

from ebok.accounts.models import AccountChange
from ebok.integration.models import AccountChangeExport
from ebok.testing import make_customer

pytestmark = pytest.mark.django_db


@pytest.fixture
def changes(db):
    customer = make_customer(external_id="K-1")
    values = [
        ("email", {"email": "jan.nowy@example.pl"}),
        ("phone", {"phone": "+48601234567"}),
        ("correspondence_address", {"postal_code": "00-950", "city": "Warszawa", "street": "x"}),
        ("e_invoice", {"given": False, "version": "e-invoice-2026-11", "at": "2026-11-25"}),
    ]
    return [
        AccountChange.objects.create(
            customer=customer, customer_number="001234", kind=kind, value=value
        )
        for kind, value in values
    ]


def test_changes_come_in_pages_after_the_cursor_until_acknowledged(api, changes, api_token):
    first = api.get("/account-changes", limit=3).json()
    assert [change["kind"] for change in first["changes"]] == [
        "email",
        "phone",
        "correspondence_address",
    ]
    assert first["changes"][0]["customer_external_id"] == "K-1"
    assert first["changes"][1]["value"] == {"phone": "+48601234567"}
    assert first["has_more"] is True
    second = api.get("/account-changes", after=first["next_cursor"], limit=3).json()
    assert [change["id"] for change in second["changes"]] == [changes[3].id]
    assert second["changes"][0]["value"]["given"] is False
    assert second["has_more"] is False

    ids = [change.id for change in changes[:2]]
    body = api.post("/account-changes/ack", {"ids": [*ids, 999999]}).json()
    assert body == {"acknowledged": 2, "already_acknowledged": 0, "unknown": [999999]}
    again = api.post("/account-changes/ack", {"ids": ids}).json()
    assert again["already_acknowledged"] == 2
    left = api.get("/account-changes").json()["changes"]
    assert [change["id"] for change in left] == [change.id for change in changes[2:]]
    assert AccountChangeExport.objects.filter(token=api_token[0]).count() == 2


def test_a_change_outlives_its_customer(api, changes):
    changes[0].customer.delete()
    pulled = api.get("/account-changes").json()["changes"]
    assert pulled[0]["customer_number"] == "001234"
    assert pulled[0]["customer_external_id"] is None


def test_the_pull_needs_a_token(client, changes):
    assert client.get("/api/v1/account-changes").status_code == 401
