"""Confirming a mobile phone leaves its trace in the audit log: each code sent, each wrong
code, the refusals (too many codes an hour, too many wrong codes) and the confirmation, with
the login, the number and the client's address."""

import re

import pytest

from ebok.audit.models import AuditEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]
URL = "/account/notifications/"
Kind = AuditEvent.Kind


@pytest.fixture
def sms_folder(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = tmp_path
    return tmp_path


@pytest.fixture
def logged_in(account, client):
    account.phone = "+48601234567"
    account.save()
    client.force_login(account)
    return client


def code_in(folder) -> str:
    [text] = [p.read_text() for p in folder.iterdir()]
    return re.search(r"\b(\d{6})\b", text).group(1)


def trail():
    return list(AuditEvent.objects.order_by("pk").values_list("kind", "customer_number", "detail"))


def test_a_code_sent_a_wrong_code_and_the_confirmation_are_audited(logged_in, sms_folder):
    logged_in.post(f"{URL}phone/code/")
    code = code_in(sms_folder)
    logged_in.post(f"{URL}phone/confirm/", {"code": f"{(int(code) + 1) % 10**6:06d}"})
    logged_in.post(f"{URL}phone/confirm/", {"code": code})

    assert trail() == [
        (Kind.PHONE_CODE_SENT, "001234", "login 001234: code sent to +48601234567"),
        (Kind.PHONE_CODE_FAILED, "001234", "login 001234: for +48601234567"),
        (Kind.PHONE_CONFIRMED, "001234", "login 001234: +48601234567 confirmed"),
    ]
    assert AuditEvent.objects.filter(ip_address="127.0.0.1").count() == 3


def test_too_many_codes_and_too_many_wrong_codes_are_audited_as_refused(
    logged_in, sms_folder, settings
):
    settings.LOGIN_THROTTLE_FREE_FAILURES = 1
    for _ in range(4):  # three an hour
        logged_in.post(f"{URL}phone/code/")
    for _ in range(2):
        logged_in.post(f"{URL}phone/confirm/", {"code": "000000"})

    kinds = [kind for kind, _number, _detail in trail()]
    assert kinds == [Kind.PHONE_CODE_SENT] * 3 + [
        Kind.PHONE_CODE_THROTTLED,
        Kind.PHONE_CODE_FAILED,
        Kind.PHONE_CODE_THROTTLED,
    ]
    details = [detail for _kind, _number, detail in trail()]
    assert details[3] == "login 001234: codes sent this hour"
    assert details[5] == "login 001234: too many wrong codes"
