import pytest
from django.urls import reverse

from ebok.audit.models import AuditEvent
from ebok.testing import log_in_staff

pytestmark = pytest.mark.django_db


def test_staff_see_failed_logins_with_the_address(client, admin_user):
    client.post(reverse("accounts:login"), {"customer_number": "555555", "password": "guess"})
    log_in_staff(client, admin_user)
    page = client.get(reverse("admin:audit_auditevent_changelist")).content.decode()
    assert "Nieudane logowanie" in page
    assert "555555" in page
    assert "127.0.0.1" in page


def test_nobody_can_add_change_or_delete_audit_events(client, admin_user):
    client.post(reverse("accounts:login"), {"customer_number": "555555", "password": "guess"})
    event = AuditEvent.objects.get()
    log_in_staff(client, admin_user)
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert client.get(reverse("admin:audit_auditevent_delete", args=[event.pk])).status_code == 403
    client.post(reverse("admin:audit_auditevent_change", args=[event.pk]), {"detail": "edited"})
    event.refresh_from_db()
    assert event.detail == ""


def test_customers_cannot_open_the_admin(client, account):
    client.force_login(account)
    response = client.get(reverse("admin:audit_auditevent_changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
