"""The billing system gives a property manager's login access to a customer number, changes its
role and withdraws it; each change is audited with the token's name and told to the number's
e-mail on file, and access the office gave in eBOK is never the API's to change."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from ebok.accounts.models import Membership
from ebok.audit.models import AuditEvent
from ebok.customers.models import Customer
from ebok.integration.models import ApiCall
from ebok.integration.tests import payloads
from ebok.testing import make_account

pytestmark = pytest.mark.django_db

MEMBERSHIP_EVENTS = [
    AuditEvent.Kind.MEMBERSHIP_GRANTED,
    AuditEvent.Kind.MEMBERSHIP_CHANGED,
    AuditEvent.Kind.MEMBERSHIP_REVOKED,
]


def manager(**extra):
    """The property manager, a customer of the utility too."""
    return payloads.customer("K-2", "000500", name="Zarządca Sp. z o.o.", email="z@ex.pl", **extra)


@pytest.fixture
def customers(api):
    """Jan Węgrowski (K-1, 001234, jan@example.pl) and the manager (K-2, 000500), no logins."""
    response = api.post("/customers", {"customers": [payloads.customer(), manager()]})
    assert response.status_code == 200


def push(api, *records):
    return api.post("/memberships", {"memberships": list(records)})


def membership_events():
    return list(
        AuditEvent.objects.filter(kind__in=MEMBERSHIP_EVENTS)
        .order_by("id")
        .values_list("kind", "customer_number", "actor", "detail")
    )


def test_a_pushed_membership_gives_the_managers_login_access_and_the_owner_is_told(
    api, customers, smtp_server
):
    response = push(api, payloads.membership(role="viewer"))

    assert response.status_code == 200
    assert response.json() == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "sections": {"memberships": {"created": 1, "updated": 0, "unchanged": 0}},
    }
    membership = Membership.objects.get(external_id="Z-1")
    assert (membership.user.username, membership.customer.number, membership.role) == (
        "000500",
        "001234",
        "viewer",
    )
    assert membership_events() == [
        ("membership_granted", "001234", None, "login 000500 as viewer, by API token billing-test")
    ]
    [notice] = smtp_server.to("jan@example.pl")
    body = smtp_server.body(notice)
    assert "system rozliczeniowy przedsiębiorstwa zmienił" in body
    assert "Login „000500” ma teraz do niego dostęp, rola: przeglądający." in body
    assert not smtp_server.to("z@ex.pl")
    call = ApiCall.objects.get(path="/api/v1/memberships")
    assert (call.status, call.record_count) == (200, 1)


def test_a_manager_without_a_login_gets_one_that_has_no_password_yet(api, customers):
    push(api, payloads.membership())

    login = Customer.objects.get(number="000500").account
    assert not login.has_own_password and not login.has_temporary_password
    assert Membership.objects.filter(user=login).count() == 2  # its own number and Jan's
    assert Membership.objects.get(user=login, customer__number="000500").role == "owner"


def test_a_manager_who_has_a_login_gets_the_access_on_it(api, customers):
    login = make_account(Customer.objects.get(number="000500"))

    push(api, payloads.membership())

    assert Membership.objects.get(external_id="Z-1").user == login


def test_the_same_batch_twice_changes_nothing_the_second_time(api, customers):
    records = [payloads.membership(), payloads.membership("Z-2", member="K-3", role="owner")]
    api.post("/customers", {"customers": [payloads.customer("K-3", "000600", email="")]})
    assert push(api, *records).json()["created"] == 2
    events, sent = membership_events(), len(mail.outbox)

    response = push(api, *records)

    assert response.json()["unchanged"] == 2
    assert response.json()["created"] == response.json()["updated"] == 0
    assert membership_events() == events
    assert len(mail.outbox) == sent


def test_a_change_of_role_is_audited_and_told(api, customers):
    push(api, payloads.membership(role="viewer"))

    response = push(api, payloads.membership(role="owner"))

    assert response.json()["updated"] == 1
    assert Membership.objects.get(external_id="Z-1").role == "owner"
    assert membership_events()[-1] == (
        "membership_changed",
        "001234",
        None,
        "login 000500 as owner, by API token billing-test",
    )
    assert mail.outbox[-1].to == ["jan@example.pl"]
    assert "Login „000500” ma teraz do niego dostęp w roli: właściciel." in mail.outbox[-1].body


def test_a_membership_moved_to_another_login_is_taken_from_one_and_given_to_the_other(
    api, customers
):
    api.post("/customers", {"customers": [payloads.customer("K-3", "000600", email="")]})
    push(api, payloads.membership(member="K-2"))

    response = push(api, payloads.membership(member="K-3"))

    assert response.json()["updated"] == 1
    assert Membership.objects.get(external_id="Z-1").user.username == "000600"
    assert not Membership.objects.filter(user__username="000500", customer__number="001234")
    assert [event[0] for event in membership_events()[-2:]] == [
        "membership_revoked",
        "membership_granted",
    ]
    assert "Login „000500” nie ma już do niego dostępu." in mail.outbox[-2].body
    assert "Login „000600” ma teraz do niego dostęp" in mail.outbox[-1].body


def test_a_withdrawal_takes_the_access_away_and_the_owner_is_told(api, customers):
    push(api, payloads.membership())

    response = api.delete("/memberships/Z-1")

    assert response.status_code == 204
    assert not Membership.objects.filter(customer__number="001234", user__username="000500")
    assert membership_events()[-1] == (
        "membership_revoked",
        "001234",
        None,
        "login 000500 as viewer, by API token billing-test",
    )
    assert mail.outbox[-1].to == ["jan@example.pl"]
    assert "Login „000500” nie ma już do niego dostępu." in mail.outbox[-1].body


def test_the_managers_open_session_loses_the_number_at_its_next_request_after_the_withdrawal(
    api, customers
):
    push(api, payloads.membership())
    session = Client()
    session.force_login(Membership.objects.get(external_id="Z-1").user)
    session.post(reverse("accounts:switch_number"), {"customer_number": "001234"})
    assert "Witaj, 001234 !" in session.get(reverse("portal:info")).content.decode()

    api.delete("/memberships/Z-1")

    page = session.get(reverse("portal:info")).content.decode()
    assert "Witaj, 000500 !" in page
    assert "Witaj, 001234 !" not in page
    refused = session.post(reverse("accounts:switch_number"), {"customer_number": "001234"})
    assert refused.status_code == 404


def test_withdrawing_a_membership_eBOK_does_not_have_is_404(api, customers):
    response = api.delete("/memberships/Z-404")
    assert response.status_code == 404
    assert response.json()["detail"] == "No membership with external_id 'Z-404'."


def test_an_unknown_customer_is_an_error_at_its_index_and_nothing_is_written(api, customers):
    response = push(
        api,
        payloads.membership("Z-1"),
        payloads.membership("Z-2", member="K-404"),
        payloads.membership("Z-3", customer="K-405", member="K-1"),
    )

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "section": "memberships",
            "index": 1,
            "field": "member_customer_external_id",
            "message": "No customer with external_id 'K-404', neither in eBOK nor earlier in "
            "this request.",
        },
        {
            "section": "memberships",
            "index": 2,
            "field": "customer_external_id",
            "message": "No customer with external_id 'K-405', neither in eBOK nor earlier in "
            "this request.",
        },
    ]
    assert not Membership.objects.exists()
    assert not Customer.objects.filter(account__isnull=False).exists()  # no login made either
    assert membership_events() == []
    assert mail.outbox == []


def test_a_numbers_own_login_is_not_pushed(api, customers):
    response = push(api, payloads.membership(customer="K-1", member="K-1", role="viewer"))

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert (error["index"], error["field"]) == (0, "member_customer_external_id")
    assert "own login always owns it" in error["message"]


def test_the_same_login_and_number_twice_in_a_request_is_an_error(api, customers):
    response = push(api, payloads.membership("Z-1"), payloads.membership("Z-2", role="owner"))

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["index"] == 1
    assert error["message"] == "The same customer and member are given at index 0."


def test_access_the_office_gave_is_not_taken_over_nor_withdrawn_by_the_api(api, customers):
    jan, firm = Customer.objects.get(number="001234"), Customer.objects.get(number="000500")
    by_hand = Membership.objects.create(user=make_account(firm), customer=jan, role="viewer")

    response = push(api, payloads.membership(role="owner"))

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert (error["index"], error["field"]) == (0, "member_customer_external_id")
    assert "given in eBOK" in error["message"]
    assert api.delete("/memberships/Z-1").status_code == 404
    by_hand.refresh_from_db()
    assert (by_hand.role, by_hand.external_id) == ("viewer", None)
    assert membership_events() == []


def test_a_login_reached_through_another_external_id_is_an_error(api, customers):
    push(api, payloads.membership("Z-1"))

    response = push(api, payloads.membership("Z-2"))

    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == (
        "The login of customer 'K-2' already reaches customer 'K-1' through external_id 'Z-1'."
    )


def test_a_new_customer_may_come_with_its_manager_in_one_batch(api):
    batch = {
        "customers": [payloads.customer(), manager()],
        "memberships": [payloads.membership()],
    }

    response = api.post("/batch", batch)

    assert response.status_code == 200
    assert response.json()["sections"]["memberships"]["created"] == 1
    assert Membership.objects.get(external_id="Z-1").user.username == "000500"


def test_a_role_other_than_owner_or_viewer_is_refused(api, customers):
    response = push(api, payloads.membership(role="admin"))

    assert response.status_code == 422
    assert [(e["index"], e["field"]) for e in response.json()["errors"]] == [(0, "role")]
    assert not Membership.objects.exists()
