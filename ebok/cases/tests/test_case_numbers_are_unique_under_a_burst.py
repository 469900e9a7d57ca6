"""Case numbers BOK/<year>/<six digits>: parallel filings each get their own, without gaps."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from ebok.cases.models import Case, CaseType
from ebok.cases.numbers import next_number
from ebok.cases.services import Filing, file_case

BURST = 24


class FilingRequest:
    """What file_case reads of a request: the customer number in use and the login."""

    def __init__(self, customer):
        self.customer = customer
        self.user = customer.account
        self.META = {"REMOTE_ADDR": "198.51.100.7"}


@pytest.mark.django_db
def test_numbers_count_per_year_with_six_digits(clock):
    assert next_number() == "BOK/2026/000001"
    assert next_number() == "BOK/2026/000002"
    clock.move_to("2027-01-01T00:30:00+01:00")
    assert next_number() == "BOK/2027/000001"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's in-memory test database is one connection shared by the threads",
)
def test_a_burst_of_parallel_filings_gets_distinct_numbers_without_gaps(
    account, customer, case_types
):
    question = CaseType.objects.get(code="question")
    start = threading.Barrier(BURST)

    def file(i):
        start.wait()
        try:
            filing = Filing(
                type=question, subject=f"Pytanie {i}", body="?", idempotency_key=uuid.uuid4()
            )
            case, _created = file_case(FilingRequest(customer), filing)
            return case.number
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=BURST) as pool:
        numbers = list(pool.map(file, range(BURST)))

    assert len(set(numbers)) == BURST
    counters = sorted(int(number[-6:]) for number in numbers)
    assert counters == list(range(1, BURST + 1))
    assert Case.objects.count() == BURST


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's in-memory test database is one connection shared by the threads",
)
def test_the_same_form_sent_in_parallel_makes_one_case(account, customer, case_types):
    question = CaseType.objects.get(code="question")
    key = uuid.uuid4()
    start = threading.Barrier(8)

    def file(_i):
        start.wait()
        try:
            filing = Filing(type=question, subject="Pytanie", body="?", idempotency_key=key)
            return file_case(FilingRequest(customer), filing)[0].number
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        numbers = set(pool.map(file, range(8)))

    assert len(numbers) == 1
    assert Case.objects.count() == 1
