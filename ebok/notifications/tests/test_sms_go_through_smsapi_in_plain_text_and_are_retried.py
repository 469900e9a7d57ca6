"""SMS notices go through SMSAPI.pl's maintained client (smsapi-client) to a local server that
speaks SMSAPI's REST protocol: to the confirmed number, in ASCII-safe text of one or two parts;
an error answer is tried again and then marked failed; a timeout is tried again without the
message being sent twice (SMSAPI's idx and check_idx)."""

import time
from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from ebok.core.env import env_url
from ebok.notifications.models import Notice
from ebok.notifications.notices import Occasion, queue_due, record
from ebok.notifications.sms import SendError, send_sms
from ebok.notifications.testing import SmsApiServer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

PHONE = "+48601234567"
POLISH = "Zażółć gęślą jaźń: łódź, źdźbło, ćma. "  # 38 characters, 15 of them Polish


@pytest.fixture
def smsapi(settings):
    with SmsApiServer() as server:
        for name, value in server.settings().items():
            setattr(settings, name, value)
        yield server


@pytest.fixture
def confirmed(account):
    account.phone = PHONE
    account.phone_confirmed_at = timezone.now()
    account.save()
    return account


def record_overdue(customer_id) -> Notice:
    record("overdue", [Occasion(customer_id, "2026-11-25", {"amount": "10.00"})])
    return Notice.objects.get(channel="sms")


def test_an_sms_notice_reaches_the_confirmed_number_in_ascii(smsapi, confirmed):
    notice = record_overdue(confirmed.customer_id)

    queue_due()

    notice.refresh_from_db()
    assert notice.status == Notice.Status.SENT
    [sent] = smsapi.sent
    assert sent["number"] == "48601234567"
    assert sent["sender"] == "PWiK"
    assert sent["idx"] == f"eboknotice{notice.pk}"
    assert sent["message"].isascii()
    assert sent["message"].startswith(
        "Przedsiebiorstwo Wodociagow i Kanalizacji w Wegrowie: 10,00 zl po terminie platnosci."
    )
    assert sent["parts"] == 1
    [form] = smsapi.requests
    assert (form["format"], form["max_parts"], form["nounicode"]) == ("json", "2", "1")


@pytest.mark.parametrize(
    ("length", "parts"), [(150, 1), (160, 1), (161, 2), (300, 2), (306, 2), (500, 2)]
)
def test_polish_text_is_sent_in_one_or_two_parts(smsapi, length, parts):
    text = (POLISH * 20)[:length]

    send_sms(PHONE, text)

    [sent] = smsapi.sent
    assert sent["message"].isascii()
    assert sent["message"].startswith("Zazolc gesla jazn: lodz, zdzblo, cma.")
    assert sent["parts"] == parts
    if length > 306:
        assert len(sent["message"]) == 306 and sent["message"].endswith("...")


def test_the_gateway_refuses_a_third_part_or_unicode_it_is_asked_not_to_send(smsapi, settings):
    from smsapi.client import SmsApiPlClient
    from smsapi.exception import SendException

    client = SmsApiPlClient(access_token=smsapi.token)
    client.domain = smsapi.url
    with pytest.raises(SendException) as refused:
        client.sms.send(to="48601234567", message="x" * 307, max_parts=2)
    assert refused.value.code == 12
    with pytest.raises(SendException) as refused:
        client.sms.send(to="48601234567", message="zapłata", nounicode=1)
    assert refused.value.code == 11
    assert smsapi.sent == []


def test_a_wrong_token_is_an_error_to_try_again(smsapi, settings):
    settings.SMSAPI_TOKEN = "not-the-token"
    with pytest.raises(SendError, match="SMSAPI error 101"):
        send_sms(PHONE, "Test")
    assert smsapi.sent == []


def test_an_error_answer_is_tried_again_then_marked_failed(smsapi, confirmed, settings, clock):
    settings.NOTICE_MAX_ATTEMPTS = 2
    smsapi.errors = [201, 201]
    notice = record_overdue(confirmed.customer_id)

    queue_due()
    notice.refresh_from_db()
    assert (notice.status, notice.attempts) == (Notice.Status.PENDING, 1)
    assert "SMSAPI error 201" in notice.last_error
    clock.shift(timedelta(minutes=5))
    queue_due()

    notice.refresh_from_db()
    assert (notice.status, notice.attempts) == (Notice.Status.FAILED, 2)
    assert len(smsapi.requests) == 2
    assert smsapi.sent == []


def test_a_timeout_is_tried_again_and_the_message_is_not_sent_twice(
    smsapi, confirmed, settings, clock
):
    settings.SMSAPI_TIMEOUT = 1
    smsapi.delay = 2.0  # the gateway answers after the client stopped waiting
    notice = record_overdue(confirmed.customer_id)

    queue_due()
    notice.refresh_from_db()
    assert (notice.status, notice.attempts) == (Notice.Status.PENDING, 1)
    assert "timed out" in notice.last_error
    deadline = time.monotonic() + 10
    while not smsapi.requests and time.monotonic() < deadline:  # it arrived after all
        time.sleep(0.05)
    assert len(smsapi.sent) == 1

    smsapi.delay = 0.0
    clock.shift(timedelta(minutes=5))
    queue_due()

    notice.refresh_from_db()
    assert (notice.status, notice.attempts) == (Notice.Status.SENT, 2)
    assert len(smsapi.requests) == 2  # tried again with the same idx, refused as sent
    assert len(smsapi.sent) == 1


def test_an_unreachable_gateway_is_tried_again_and_sent_the_next_time(
    smsapi, confirmed, settings, clock
):
    settings.SMSAPI_URL = "http://127.0.0.1:9/"  # nothing listens there
    notice = record_overdue(confirmed.customer_id)
    queue_due()
    notice.refresh_from_db()
    assert notice.status == Notice.Status.PENDING

    settings.SMSAPI_URL = smsapi.url
    clock.shift(timedelta(minutes=5))
    queue_due()

    notice.refresh_from_db()
    assert notice.status == Notice.Status.SENT
    assert [s["number"] for s in smsapi.sent] == ["48601234567"]


@pytest.mark.parametrize(
    "value", ["api.smsapi.pl", "ftp://api.smsapi.pl/", "https://", "https://a.pl/?x=1", "x"]
)
def test_the_api_address_setting_refuses_what_is_not_an_http_address(monkeypatch, value):
    monkeypatch.setenv("SMSAPI_URL", value)
    with pytest.raises(ImproperlyConfigured, match="SMSAPI_URL must be an address"):
        env_url("SMSAPI_URL")


@pytest.mark.parametrize("value", ["https://api.smsapi.com/", "http://127.0.0.1:8080/"])
def test_the_api_address_setting_takes_an_http_address(monkeypatch, value):
    monkeypatch.setenv("SMSAPI_URL", value)
    assert env_url("SMSAPI_URL") == value
