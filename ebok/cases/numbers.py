"""Case numbers: BOK/<year>/<six digits>, counted from 1 each year, never given twice."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ebok.cases.models import CaseCounter

PREFIX = "BOK"


def next_number(now=None) -> str:
    """Take the year's next number; call inside the transaction that saves the case.

    The UPDATE locks the year's row until that transaction ends, so parallel filings queue for
    it and each reads back its own value; a filing that fails rolls its number back with it,
    which keeps the numbers without gaps. (A sequence would not wait, but it would leave gaps,
    and a clerk asked about a missing number has no answer.)
    """
    year = timezone.localtime(now).year
    with transaction.atomic():
        CaseCounter.objects.get_or_create(year=year)
        CaseCounter.objects.filter(year=year).update(last=F("last") + 1)
        last = CaseCounter.objects.get(year=year).last
    return f"{PREFIX}/{year}/{last:06d}"
