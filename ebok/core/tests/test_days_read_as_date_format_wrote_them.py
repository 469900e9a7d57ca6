"""Days are written by core/dates.day in the text Django's date_format (and a date in a
template) writes, in both languages and in a language with another format."""

from datetime import date, timedelta

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from ebok.core.dates import day

DAYS = [date(1999, 1, 1) + timedelta(days=n * 37) for n in range(400)] + [date(2026, 12, 5)]


@pytest.mark.parametrize("language", ["pl", "en", "de"])
def test_a_day_reads_as_date_format_wrote_it(language):
    with translation.override(language):
        assert [day(d) for d in DAYS] == [date_format(d) for d in DAYS]


@pytest.mark.parametrize(("language", "text"), [("pl", "2026-12-05"), ("de", "5. Dezember 2026")])
def test_a_day_reads_as_a_template_writes_it(language, text):
    with translation.override(language):
        written = Template("{{ when }}").render(Context({"when": date(2026, 12, 5)}))
        assert day(date(2026, 12, 5)) == written == text
