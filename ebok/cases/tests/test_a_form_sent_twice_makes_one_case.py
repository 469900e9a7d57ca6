"""A double click or a refresh sends the same form again: it finds the case it made."""

import uuid

import pytest

from ebok.cases.models import Case
from ebok.cases.tests.conftest import file_case

pytestmark = pytest.mark.django_db


def test_the_same_form_twice_makes_one_case(logged_in):
    key = str(uuid.uuid4())
    first = file_case(logged_in, "question", idempotency_key=key)
    second = file_case(logged_in, "question", idempotency_key=key)
    assert first.url == second.url
    assert Case.objects.count() == 1
    # The second answer does not say "filed" again.
    page = logged_in.get(second.url).content.decode()
    assert page.count("Zgłoszono sprawę o numerze") == 1


def test_a_new_form_makes_a_new_case_with_the_next_number(logged_in):
    file_case(logged_in, "question")
    file_case(logged_in, "question")
    numbers = sorted(Case.objects.values_list("number", flat=True))
    assert [number[-6:] for number in numbers] == ["000001", "000002"]


def test_the_form_carries_a_key_of_its_own(logged_in):
    from django.urls import reverse

    page = logged_in.get(reverse("cases:case_file", args=["question"])).content.decode()
    assert 'type="hidden" name="idempotency_key"' in page
