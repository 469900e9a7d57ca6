"""STAFF_TWO_FACTOR: on unless turned off, and off only together with DEBUG."""

import pytest
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.backoffice.roles import OPERATOR
from ebok.backoffice.tests.conftest import enter_password, make_staff
from ebok.core.tests.test_deployment import PRODUCTION, manage

pytestmark = pytest.mark.django_db


def test_turning_it_off_without_debug_stops_the_start_up():
    result = manage("check", **{**PRODUCTION, "STAFF_TWO_FACTOR": "0"})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "STAFF_TWO_FACTOR" in result.stderr


def test_a_value_it_does_not_understand_stops_the_start_up_even_with_debug():
    result = manage("check", **{**PRODUCTION, "DEBUG": "1", "STAFF_TWO_FACTOR": "of"})
    assert result.returncode != 0
    assert "STAFF_TWO_FACTOR" in result.stderr


def test_a_development_machine_may_turn_it_off():
    result = manage("check", **{**PRODUCTION, "DEBUG": "1", "STAFF_TWO_FACTOR": "0"})
    assert result.returncode == 0, result.stderr


def test_it_is_on_by_default(settings):
    assert settings.STAFF_TWO_FACTOR is True


def test_when_off_the_password_alone_opens_the_office(client, roles, settings):
    settings.STAFF_TWO_FACTOR = False
    make_staff("operator", OPERATOR)
    response = enter_password(client)
    assert response.url == reverse("admin:index")
    assert client.get(reverse("admin:customers_customer_changelist")).status_code == 200
    login = AuditEvent.objects.get(kind=AuditEvent.Kind.STAFF_LOGIN)
    assert login.detail == "no second factor (STAFF_TWO_FACTOR off)"
