"""The office's start page: today's logins, registrations, readings, readings to review, open
and overdue cases, each a link to the list it counts; the sections start with customers and
cases."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.backoffice.tests.conftest import make_staff
from ebok.cases.models import Case, CaseType
from ebok.cases.services import Filing, file_case
from ebok.customers.models import Reading
from ebok.testing import TODAY, log_in_staff, make_point_with_meter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


class FilingRequest:
    META = {}

    def __init__(self, customer):
        self.customer, self.user = customer, customer.account


@pytest.fixture
def today(clock, account, customer):
    record(AuditEvent.Kind.LOGIN, customer=customer)
    record(AuditEvent.Kind.LOGIN, customer=customer)
    clock.shift(-dt.timedelta(days=1))
    record(AuditEvent.Kind.LOGIN, customer=customer)  # yesterday's
    clock.shift(dt.timedelta(days=1))
    _point, meter = make_point_with_meter(customer)
    # Far above usual and confirmed by the customer: waiting for the office's review.
    Reading.objects.create(
        meter=meter, read_on=TODAY, value=7, source="customer", needs_review=True
    )
    question = CaseType.objects.get(code="question")
    for subject in ["Pierwsza", "Druga"]:
        file_case(
            FilingRequest(customer),
            Filing(type=question, subject=subject, body="?", idempotency_key=_key(subject)),
        )
    Case.objects.filter(subject="Pierwsza").update(due_on=TODAY - dt.timedelta(days=1))


def _key(subject):
    import uuid

    return uuid.uuid5(uuid.NAMESPACE_URL, subject)


def figures(page) -> dict[str, int]:
    block = page[page.index('id="office-today-heading"') :]
    block = block[: block.index("</section>")]
    return {
        label.strip(): int(count)
        for count, label in re.findall(r"<strong>(\d+)</strong>([^<]+)</a>", block)
    }


def test_the_start_page_counts_today_and_what_is_waiting(operator_client, today):
    page = operator_client.get(reverse("admin:index")).content.decode()
    assert figures(page) == {
        "Logowania klientów dzisiaj": 2,
        "Rejestracje rozpoczęte dzisiaj": 0,
        "Odczyty podane dzisiaj przez klientów": 1,
        "Odczyty do sprawdzenia": 1,
        "Otwarte sprawy": 2,
        "Sprawy po terminie": 1,
    }
    for url in re.findall(r'<li[^>]*><a href="([^"]+)"><strong>', page):
        assert operator_client.get(url.replace("&amp;", "&")).status_code == 200, url


def test_the_sections_start_with_customers_and_cases(operator_client, today):
    page = operator_client.get(reverse("admin:index")).content.decode()
    positions = [
        page.index(f'class="app-{app} module') for app in ["customers", "cases", "billing"]
    ]
    assert positions == sorted(positions)


def test_staff_see_only_the_figures_they_may_view(client, today):
    clerk = make_staff("clerk")
    clerk.user_permissions.set(Permission.objects.filter(codename="view_case"))
    log_in_staff(client, clerk)
    page = client.get(reverse("admin:index")).content.decode()
    assert set(figures(page)) == {"Otwarte sprawy", "Sprawy po terminie"}
