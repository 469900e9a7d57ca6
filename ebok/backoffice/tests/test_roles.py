"""The staff roles Operator and Administrator, kept by `manage.py setup_roles`."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from ebok.backoffice.roles import ADMINISTRATOR, OPERATOR
from ebok.backoffice.tests.conftest import make_staff

pytestmark = pytest.mark.django_db


def codenames(group_name) -> set[str]:
    group = Group.objects.get(name=group_name)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def test_migrating_creates_both_roles():
    assert "accounts.manage_customer_account" in codenames(OPERATOR)
    assert codenames(ADMINISTRATOR) == {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.select_related("content_type")
    }


def test_operators_do_the_customer_offices_daily_work():
    operator = codenames(OPERATOR)
    for permission in [
        "accounts.manage_customer_account",
        "customers.view_customer",
        "customers.add_customer",
        "customers.change_customer",
        "customers.add_reading",
        "customers.change_reading",
        "content.add_announcement",
        "content.change_announcement",
        "content.add_document",
        "content.delete_document",
        "billing.view_invoice",
        "audit.view_auditevent",
        "accounts.view_consent",
    ]:
        assert permission in operator, permission


def test_operators_cannot_manage_staff_tokens_or_delete_customers():
    operator = codenames(OPERATOR)
    for permission in [
        "accounts.change_user",
        "accounts.add_user",
        "auth.change_group",
        "customers.delete_customer",
        "billing.change_invoice",
    ]:
        assert permission not in operator, permission
    assert not any(name.startswith("integration.") for name in operator)


def test_administrators_also_get_the_permissions_of_apps_added_later(capsys):
    content_type, _ = ContentType.objects.get_or_create(app_label="integration", model="future")
    later = Permission.objects.create(
        content_type=content_type, codename="use_future", name="Can use the future"
    )
    assert "integration.use_future" not in codenames(ADMINISTRATOR)

    out = io.StringIO()
    call_command("setup_roles", stdout=out)

    assert "integration.use_future" in codenames(ADMINISTRATOR)
    assert "integration.use_future" not in codenames(OPERATOR)
    assert "Operator" in out.getvalue()
    assert make_staff("admin2", ADMINISTRATOR).has_perm("integration.use_future")
    later.delete()


def test_integration_tokens_are_the_administrators_only():
    integration = {name for name in codenames(ADMINISTRATOR) if name.startswith("integration.")}
    if not ContentType.objects.filter(app_label="integration").exists():
        pytest.skip("the integration app is not installed")
    assert integration
    assert not integration & codenames(OPERATOR)


def test_setting_up_again_restores_a_role_changed_by_hand():
    operator = Group.objects.get(name=OPERATOR)
    operator.permissions.add(Permission.objects.get(codename="change_user"))
    operator.permissions.remove(Permission.objects.get(codename="manage_customer_account"))

    call_command("setup_roles", stdout=io.StringIO())

    assert "accounts.change_user" not in codenames(OPERATOR)
    assert "accounts.manage_customer_account" in codenames(OPERATOR)
