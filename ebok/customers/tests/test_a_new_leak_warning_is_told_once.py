"""A new leak warning is told to the customer by their channels (e-mail, and SMS to a confirmed
mobile number, both on by default) with what to check; checks that keep the same warning open
tell nothing again, and a later warning, after the use fell back, is told again."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from ebok.customers.leaks import check_point
from ebok.customers.models import Reading
from ebok.customers.tests.test_leaks_are_told_from_a_sustained_rise import readings
from ebok.notifications.models import Notice
from ebok.testing import make_point_with_meter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]
LEAK_FROM = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def leaking(account):
    """A remote meter read daily: 0.3 m³ a day for a year, 1.2 from LEAK_FROM to 2026-11-24."""
    point, meter = make_point_with_meter(account.customer)

    def use(day):
        return Decimal("1.2") if day >= LEAK_FROM else Decimal("0.3")

    last = readings(meter, date(2025, 11, 1), 388, 1, use)
    return point, meter, last


def add(meter, day, value):
    Reading.objects.create(meter=meter, read_on=day, value=value, source="remote")


def test_the_warning_is_e_mailed_with_what_to_check_and_only_once(
    leaking, smtp_server, django_capture_on_commit_callbacks
):
    point, meter, last = leaking
    with django_capture_on_commit_callbacks(execute=True):
        warning = check_point(point, date(2026, 11, 24))

    [message] = smtp_server.to("jan@example.pl")
    assert message["Subject"] == "Możliwy wyciek wody: ul. Wyszyńskiego 1"
    text = smtp_server.body(message)
    assert "od 2026-11-20 zużycie wody pod adresem 07-100 Węgrów, ul. Wyszyńskiego 1" in text
    assert "około 1,200 m³ dziennie, przy zwykłym zużyciu 0,300 m³. To może być wyciek." in text
    for check in ["spłuczki toalety", "nie kapie kran", "mały wskaźnik licznika"]:
        assert check in text, check
    notice = Notice.objects.get(event="leak")
    assert (notice.occasion, notice.status) == (f"leak-{warning.pk}", Notice.Status.SENT)

    # The leak goes on: the next day's check keeps the same warning and tells nothing new.
    add(meter, date(2026, 11, 25), last + Decimal("1.2"))
    with django_capture_on_commit_callbacks(execute=True):
        assert check_point(point, date(2026, 11, 25)) == warning
    assert len(smtp_server.to("jan@example.pl")) == 1
    assert Notice.objects.filter(event="leak").count() == 1


def test_a_new_warning_after_the_use_fell_back_is_told_again(
    leaking, smtp_server, django_capture_on_commit_callbacks
):
    point, meter, last = leaking
    with django_capture_on_commit_callbacks(execute=True):
        first = check_point(point, date(2026, 11, 24))
        value = last + Decimal("0.3")
        add(meter, date(2026, 11, 25), value)
        assert check_point(point, date(2026, 11, 25)) is None  # fixed, cleared
        for day in range(26, 29):  # and leaking again for three days
            value += Decimal("1.2")
            add(meter, date(2026, 11, day), value)
        second = check_point(point, date(2026, 11, 28))

    assert second is not None and second != first
    assert len(smtp_server.to("jan@example.pl")) == 2
    occasions = set(Notice.objects.filter(event="leak").values_list("occasion", flat=True))
    assert occasions == {f"leak-{first.pk}", f"leak-{second.pk}"}


def test_the_sms_goes_to_a_confirmed_mobile_number_by_default(
    leaking, account, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.SMS_BACKEND, settings.SMS_FILE_PATH = "file", tmp_path
    account.phone, account.phone_confirmed_at = "+48601234567", timezone.now()
    account.save()
    point, _meter, _last = leaking

    with django_capture_on_commit_callbacks(execute=True):
        check_point(point, date(2026, 11, 24))

    [sms] = [path.read_text() for path in tmp_path.iterdir()]
    assert sms.startswith("To: +48601234567")
    assert "mozliwy wyciek: ul. Wyszynskiego 1, ok. 1,200 m3 dziennie, zwykle 0,300 m3." in sms
    assert "http://testserver/panel/meters/" in sms


def test_a_customer_without_an_e_mail_address_gets_no_notice(
    leaking, account, smtp_server, django_capture_on_commit_callbacks
):
    customer = account.customer
    customer.email = ""
    customer.save()
    point, _meter, _last = leaking

    with django_capture_on_commit_callbacks(execute=True):
        assert check_point(point, date(2026, 11, 24)) is not None

    assert smtp_server.messages == []
    assert not Notice.objects.exists()
