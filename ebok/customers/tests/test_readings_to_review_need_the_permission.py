"""Every URL of the readings to review, tried by each kind of visitor: logged out and as a
customer (the admin's login), staff without permissions (403), staff who may only view the list
(no decision), and an operator, who may decide; a GET never decides."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.backoffice.tests.conftest import make_staff
from ebok.customers.models import Reading
from ebok.testing import TODAY, log_in_staff, make_point_with_meter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]
NAME = "admin:customers_readingtoreview"


@pytest.fixture
def flagged(account):
    _point, meter = make_point_with_meter(account.customer)
    Reading.objects.create(meter=meter, read_on=date(2026, 10, 25), value=120, source="reader")
    return Reading.objects.create(
        meter=meter, read_on=TODAY, value=Decimal(775), source="customer", needs_review=True
    )


def pages(reading) -> list[str]:
    return [reverse(f"{NAME}_changelist"), reverse(f"{NAME}_change", args=[reading.pk])]


def decisions(reading) -> list[tuple[str, dict]]:
    return [
        (reverse(f"{NAME}_accept", args=[reading.pk]), {}),
        (reverse(f"{NAME}_reject", args=[reading.pk]), {"reason": "Zła wartość"}),
    ]


def assert_undecided(reading):
    reading.refresh_from_db()
    assert reading.review == Reading.Review.PENDING
    assert not AuditEvent.objects.filter(
        kind__in=[AuditEvent.Kind.READING_ACCEPTED, AuditEvent.Kind.READING_REJECTED]
    ).exists()


def test_logged_out_visitors_and_customers_are_sent_to_the_admin_login(client, flagged, account):
    for who in [None, account]:
        if who:
            client.force_login(who)
        for url in pages(flagged):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("admin:login")), url
        for url, data in decisions(flagged):
            response = client.post(url, data)
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("admin:login")), url
    assert_undecided(flagged)


def test_staff_without_the_permission_are_refused(client, flagged):
    log_in_staff(client, make_staff("newcomer"))
    for url in pages(flagged):
        assert client.get(url).status_code == 403, url
    for url, data in decisions(flagged):
        assert client.post(url, data).status_code == 403, url
    assert_undecided(flagged)


def test_staff_who_may_only_view_see_the_list_but_cannot_decide(client, flagged):
    viewer = make_staff("viewer")
    viewer.user_permissions.set(Permission.objects.filter(codename="view_readingtoreview"))
    log_in_staff(client, viewer)
    for url in pages(flagged):
        assert client.get(url).status_code == 200, url
    assert "Przyjmij" not in client.get(pages(flagged)[1]).content.decode()
    for url, data in decisions(flagged):
        assert client.post(url, data).status_code == 403, url
    assert_undecided(flagged)


def test_an_operator_decides_by_post_only(operator_client, flagged):
    for url in pages(flagged):
        assert operator_client.get(url).status_code == 200, url
    for url, _data in decisions(flagged):
        assert operator_client.get(url).status_code == 405, url
    assert_undecided(flagged)

    accept, _data = decisions(flagged)[0]
    assert operator_client.post(accept).status_code == 302
    flagged.refresh_from_db()
    assert flagged.review == Reading.Review.ACCEPTED


def test_an_unknown_or_unflagged_reading_is_not_found(operator_client, flagged):
    plain = Reading.objects.exclude(pk=flagged.pk).get()
    for reading_id in [plain.pk, 999999]:
        for name in ["accept", "reject"]:
            url = reverse(f"{NAME}_{name}", args=[reading_id])
            assert operator_client.post(url, {"reason": "x"}).status_code == 404, url
    plain.refresh_from_db()
    assert plain.review == Reading.Review.PENDING
