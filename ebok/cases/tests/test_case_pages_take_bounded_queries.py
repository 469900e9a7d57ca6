"""The case pages' queries do not grow with the number of cases, messages or files."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ebok.cases.models import Case
from ebok.cases.tests.conftest import file_case, pdf_file

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def queries(client, url) -> int:
    # The first visit may write the session (its last activity); the second one is counted.
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_customers_list_and_a_case_page_do_not_grow(logged_in, operator_client):
    file_case(logged_in, "question", attachments=[pdf_file()])
    case = Case.objects.get()
    few = {
        "list": queries(logged_in, reverse("cases:cases")),
        "case": queries(logged_in, reverse("cases:case", args=[case.pk])),
        "queue": queries(operator_client, reverse("admin:cases_case_changelist")),
        "office": queries(operator_client, reverse("admin:cases_case_change", args=[case.pk])),
    }
    for _ in range(6):
        file_case(logged_in, "meter_problem", attachments=[pdf_file()])
    for _ in range(6):
        logged_in.post(
            reverse("cases:case", args=[case.pk]),
            {"body": "Jeszcze coś", "attachments": [pdf_file()]},
        )
    many = {
        "list": queries(logged_in, reverse("cases:cases")),
        "case": queries(logged_in, reverse("cases:case", args=[case.pk])),
        "queue": queries(operator_client, reverse("admin:cases_case_changelist")),
        "office": queries(operator_client, reverse("admin:cases_case_change", args=[case.pk])),
    }
    assert many == few
