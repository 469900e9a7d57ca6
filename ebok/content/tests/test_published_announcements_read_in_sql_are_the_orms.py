"""The announcements every home page asks for are read by a query written in SQL
(content/areas.py): the same announcements as the ORM's published(), to the microsecond at
both ends of their time (published from that moment, no longer at its end), newest first,
field by field and type by type."""

import datetime as dt

import pytest
import time_machine

from ebok.content.areas import published_announcements
from ebok.content.models import Announcement

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 5, 14, 30, 15, 250000, tzinfo=dt.UTC)
MICROSECOND = dt.timedelta(microseconds=1)


def fields(instance) -> dict:
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.fields}


@pytest.fixture
def schedule(db):
    for title, date, published_from, published_until in [
        ("from now", dt.date(2026, 12, 1), NOW, None),
        ("not yet", dt.date(2026, 12, 1), NOW + MICROSECOND, None),
        ("ends now", dt.date(2026, 11, 1), NOW - dt.timedelta(days=3), NOW),
        ("ends next", dt.date(2026, 11, 20), NOW - dt.timedelta(days=3), NOW + MICROSECOND),
        ("same day, later", dt.date(2026, 12, 1), NOW - dt.timedelta(days=1), None),
    ]:
        Announcement.objects.create(
            title=title,
            date=date,
            published_from=published_from,
            published_until=published_until,
            audience=Announcement.Audience.ALL,
        )


def test_the_published_ones_are_the_orms_to_the_microsecond(schedule):
    with time_machine.travel(NOW, tick=False):
        ours = published_announcements()
        orms = list(Announcement.objects.published())

    assert [a.title for a in ours] == ["same day, later", "from now", "ends next"]
    assert [fields(a) for a in ours] == [fields(a) for a in orms]
    assert [{k: type(v) for k, v in fields(a).items()} for a in ours] == [
        {k: type(v) for k, v in fields(a).items()} for a in orms
    ]
