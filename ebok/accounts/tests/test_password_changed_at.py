"""The account records when its password was last set: by the customer (change or reset) or as
a temporary one by the office. Accounts from before take it from the audit log."""

import datetime as dt
import importlib

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from ebok.accounts.services import issue_temporary_password
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.testing import PASSWORD, make_account, make_customer

pytestmark = pytest.mark.django_db

NEW = "Zielona-Łąka-nad-Liwcem"
ISSUED = dt.datetime(2026, 11, 24, 8, 30, tzinfo=dt.UTC)
CHANGED = dt.datetime(2026, 11, 25, 9, 15, tzinfo=dt.UTC)


def test_a_temporary_password_records_when_it_was_issued(customer):
    with time_machine.travel(ISSUED, tick=False):
        issue_temporary_password(customer)

    customer.account.refresh_from_db()
    assert customer.account.password_changed_at == ISSUED
    assert not customer.account.has_own_password


def test_changing_the_password_records_when(client, customer):
    with time_machine.travel(ISSUED, tick=False):
        temporary = issue_temporary_password(customer)
    with time_machine.travel(CHANGED, tick=False):
        client.post(reverse("accounts:login"), {"customer_number": "001234", "password": temporary})
        client.post(
            reverse("accounts:password_change"),
            {"current_password": temporary, "new_password1": NEW, "new_password2": NEW},
        )

    customer.account.refresh_from_db()
    assert customer.account.password_changed_at == CHANGED
    assert customer.account.has_own_password


def test_accounts_from_before_take_the_time_of_their_last_password_event(customer):
    migration = importlib.import_module("ebok.accounts.migrations.0005_user_password_changed_at")
    account = make_account(customer, PASSWORD)
    for kind, at in [
        (AuditEvent.Kind.TEMPORARY_PASSWORD_ISSUED, ISSUED),
        (AuditEvent.Kind.PASSWORD_CHANGED, CHANGED),
        (AuditEvent.Kind.LOGIN, CHANGED + dt.timedelta(hours=1)),  # not a password event
    ]:
        with time_machine.travel(at, tick=False):
            record(kind, customer=customer)
    silent = make_account(make_customer(number="004321"), PASSWORD)  # nothing in the log
    get_user_model().objects.update(password_changed_at=None)

    migration.from_the_audit_log(apps, schema_editor=None)

    account.refresh_from_db()
    silent.refresh_from_db()
    assert account.password_changed_at == CHANGED
    assert silent.password_changed_at is None
