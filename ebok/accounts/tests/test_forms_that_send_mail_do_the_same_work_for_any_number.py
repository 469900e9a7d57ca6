"""Response time must not tell known customers from unknown ones: with e-mail queued (the
production setting), the forms that may send mail do the same database work in the request,
whatever the number, and leave the rest to the worker."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from ebok.accounts.tests.helpers import form_data, make_invoice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def queued(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def work_done(client, url, data) -> list[str]:
    """The statements a request ran, with the values left out."""
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302
    shapes = []
    for query in queries.captured_queries:
        sql = re.sub(r"'(?:[^']|'')*'", "?", query["sql"])
        shapes.append(re.sub(r"\b\d+(\.\d+)?\b", "?", sql))
    return shapes


def test_forgotten_password_does_the_same_work_for_known_and_unknown_numbers(client, account):
    url = reverse("accounts:password_forgotten")
    known = work_done(client, url, {"customer_number": "001234"})
    unknown = work_done(client, url, {"customer_number": "555555"})
    assert known == unknown
    assert mail.outbox == []  # the worker sends, not the request
    assert DBTaskResult.objects.count() == 2


@pytest.mark.parametrize(
    "other",
    [
        {"number": "555555"},  # no such customer
        {"gross": "61,00"},  # wrong invoice data
        {"email": "someone.else@example.net"},  # a new address: a link to confirm it
    ],
)
def test_registration_does_the_same_work_whatever_the_outcome(client, account, terms, other):
    make_invoice(account.customer)
    url = reverse("accounts:register")
    matching = work_done(client, url, form_data())  # account exists: a notice to the owner
    outcome = work_done(client, url, form_data(**other))
    assert matching == outcome
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 2
