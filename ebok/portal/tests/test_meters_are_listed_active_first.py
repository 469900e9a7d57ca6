"""On "Punkty/liczniki" a point's meters in use come first, then the removed ones, the latest
removal first, on SQLite and PostgreSQL alike (they sort an empty date differently)."""

import re
from datetime import date

import pytest
from django.urls import reverse

from ebok.customers.models import Meter
from ebok.testing import make_point_with_meter

pytestmark = pytest.mark.django_db


def test_meters_in_use_come_first_then_the_latest_removed(client, account, customer):
    point, _meter = make_point_with_meter(customer, serial="WM-003")
    for serial, kind, removed_on in [
        ("WM-001", Meter.Kind.MAIN, date(2020, 5, 1)),
        ("WM-002", Meter.Kind.MAIN, date(2023, 3, 1)),
        ("WM-000", Meter.Kind.SUB, None),
    ]:
        Meter.objects.create(
            service_point=point,
            serial_number=serial,
            kind=kind,
            installed_on=date(2015, 1, 1),
            removed_on=removed_on,
        )
    client.force_login(account)

    page = client.get(reverse("portal:meters")).content.decode()

    serials = re.findall(r'<a href="/panel/meters/\d+/">(WM-\d+)</a>', page)
    # In use: the main meter, then the sub-meter; removed: 2023, then 2020.
    assert serials == ["WM-003", "WM-000", "WM-002", "WM-001"]
