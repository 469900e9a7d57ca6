"""The office's start page lists its sections in the order of a clerk's work, every label is
Polish (no app of a library shows its English name), and times are Warsaw time, also those
written into an audit event's detail."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from ebok.accounts.services import issue_temporary_password
from ebok.audit.models import AuditEvent
from ebok.audit.times import in_local_time
from ebok.backoffice.grammar import permission_label
from ebok.testing import log_in_staff

pytestmark = pytest.mark.django_db

SECTIONS = [
    "Klienci",
    "Sprawy",
    "Rozliczenia",
    "Płatności online",
    "Powiadomienia",
    "Komunikaty i dokumenty",
    "Konta",
    "Dziennik zdarzeń",
    "Integracja z systemem bilingowym",
]


@pytest.fixture
def office(db):
    user = get_user_model().objects.create_superuser("kierownik", password="Biuro-Obslugi-2026")
    return log_in_staff(Client(), user)


def test_sections_come_in_the_order_of_a_clerks_work(office):
    html = office.get(reverse("admin:index")).content.decode()
    captions = re.findall(r'<caption>\s*<a [^>]*class="section"[^>]*>([^<]+)</a>', html)
    assert captions[: len(SECTIONS)] == SECTIONS
    assert "Tasks" not in html and "Task Result" not in html


def test_libraries_pages_the_office_does_not_use_are_hidden(office):
    assert office.get("/admin/django_tasks_database/").status_code == 404


def test_permissions_are_named_in_polish(office):
    page = office.get(reverse("admin:auth_group_add")).content.decode()
    assert "Rozliczenia | faktura | podgląd" in page
    assert "Konta | użytkownik | Może wydawać hasła i zarządzać kontami klientów" in page
    assert "Can add" not in page and "Can view" not in page
    view_invoice = Permission.objects.get(codename="view_invoice")
    assert permission_label(view_invoice) == "Rozliczenia | faktura | podgląd"


def test_moments_in_an_audit_detail_are_shown_in_warsaw_time(office, customer, account):
    # Written in UTC by the service (09:00 UTC is 10:00 in Warsaw in November).
    AuditEvent.objects.create(
        kind=AuditEvent.Kind.TEMPORARY_PASSWORD_ISSUED,
        customer_number=customer.number,
        detail="valid until 2026-12-02 09:00 UTC",
        created_at=dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC),
    )
    AuditEvent.objects.create(
        kind=AuditEvent.Kind.LOGIN,
        customer_number=customer.number,
        detail="at 2026-07-01T20:30:00+00:00, reading 2026-07-01",
    )
    listing = office.get(reverse("admin:audit_auditevent_changelist")).content.decode()
    assert "valid until 2026-12-02 10:00" in listing
    assert "at 2026-07-01 22:30, reading 2026-07-01" in listing  # summer: UTC+2
    assert "UTC" not in listing
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.TEMPORARY_PASSWORD_ISSUED)
    page = office.get(reverse("admin:audit_auditevent_change", args=[event.pk])).content.decode()
    assert "valid until 2026-12-02 10:00" in page
    assert "2026-11-25 10:00" in page


def test_a_real_temporary_password_event_reads_in_warsaw_time(office, customer, account):
    issue_temporary_password(customer)
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.TEMPORARY_PASSWORD_ISSUED)
    assert event.detail.endswith(" UTC")
    listing = office.get(reverse("admin:audit_auditevent_changelist")).content.decode()
    assert in_local_time(event.detail) in listing
    assert event.detail not in listing


def test_times_without_a_zone_and_dates_stay_as_written():
    assert in_local_time("reading 2026-07-01, 12:00") == "reading 2026-07-01, 12:00"
    assert in_local_time("2026-01-10T23:30:00Z") == "2026-01-11 00:30"
    assert in_local_time("2026-01-10T23:30:00.123+0100") == "2026-01-10 23:30"
