"""The memberships behind every panel page are read by a query written in SQL
(accounts/numbers.py): each membership, its customer and the login come back as the ORM reads
them, field by field and type by type, in the numbers' order, and only the login's own."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ebok.accounts.models import Membership
from ebok.accounts.numbers import load_memberships
from ebok.testing import make_account, make_customer

pytestmark = pytest.mark.django_db


def fields(instance) -> dict:
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.fields}


@pytest.fixture
def manager(db):
    own = make_customer(number="000300", name="Anna Zarządca", nip="5250007313")
    building = make_customer(number="000100", name="Wspólnota „Gdańska 3”", phone="+48 600 100 200")
    login = make_account(own)
    login.last_login = timezone.now() - timedelta(days=2)
    login.save()
    Membership.objects.create(
        user=login,
        customer=building,
        role=Membership.Role.VIEWER,
        external_id="M-17",
        created_at=timezone.now() - timedelta(days=400),
    )
    stranger = make_account(make_customer(number="000200", name="Cezary Obcy"))
    return login, stranger


def test_each_membership_its_customer_and_the_login_are_the_orms(manager):
    login, _stranger = manager
    expected = list(
        Membership.objects.filter(user=login)
        .select_related("customer", "user")
        .order_by("customer__number", "pk")
    )
    read = load_memberships(login.pk)
    assert [m.customer.number for m in read] == ["000100", "000300"]
    for ours, orms in zip(read, expected, strict=True):
        for mine, theirs in ((ours, orms), (ours.customer, orms.customer), (ours.user, orms.user)):
            assert fields(mine) == fields(theirs)
            assert {k: type(v) for k, v in fields(mine).items()} == {
                k: type(v) for k, v in fields(theirs).items()
            }
            assert mine._state.adding is False
    assert read[0].user is read[1].user  # one login object for every row
    assert read[1].customer.nip == "5250007313"


def test_a_login_reads_only_its_own_memberships(manager):
    login, stranger = manager
    assert [m.customer.number for m in load_memberships(stranger.pk)] == ["000200"]
    Membership.objects.filter(user=login).delete()
    assert load_memberships(login.pk) == []
