"""SMS go only to a confirmed mobile number: the customer asks for a code, it arrives by SMS
(file backend), and typing it confirms the number; wrong guesses are throttled like passwords,
and a code sent to a number changed since confirms nothing."""

import re
from datetime import timedelta

import pytest

from ebok.notifications.models import Notice
from ebok.notifications.notices import Occasion, queue_due, record

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]
URL = "/account/notifications/"


@pytest.fixture
def sms_folder(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = tmp_path
    return tmp_path


def last_code(folder) -> str:
    [text] = [p.read_text() for p in folder.iterdir()][-1:]
    return re.search(r"\b(\d{6})\b", text).group(1)


def test_the_code_from_the_sms_confirms_the_number_and_sms_notices_follow(
    account, client, sms_folder
):
    account.phone = "+48601234567"
    account.save()
    record("overdue", [Occasion(account.customer_id, "before", {"amount": "5.00"})])
    assert not Notice.objects.filter(channel="sms").exists()  # not confirmed yet
    client.force_login(account)

    page = client.post(f"{URL}phone/code/", follow=True).content.decode()
    assert "Kod został wysłany na telefon komórkowy." in page
    [sms] = list(sms_folder.iterdir())
    text = sms.read_text()
    assert text.startswith("To: +48601234567")
    assert text.isascii() and "kod potwierdzajacy" in text
    code = last_code(sms_folder)

    page = client.post(f"{URL}phone/confirm/", {"code": code}, follow=True).content.decode()
    assert "Numer telefonu komórkowego został potwierdzony." in page
    account.refresh_from_db()
    assert account.phone_confirmed_at is not None

    record("overdue", [Occasion(account.customer_id, "after", {"amount": "5.00"})])
    queue_due()
    notice = Notice.objects.get(channel="sms")
    assert notice.recipient == "+48601234567" and notice.status == Notice.Status.SENT
    texts = [p.read_text() for p in sms_folder.iterdir()]
    assert any("5,00 zl po terminie platnosci" in text for text in texts)


def test_wrong_codes_are_throttled_and_a_changed_number_confirms_nothing(
    account, client, sms_folder, settings, clock
):
    settings.LOGIN_THROTTLE_FREE_FAILURES = 2
    account.phone = "+48601234567"
    account.save()
    client.force_login(account)
    client.post(f"{URL}phone/code/")
    code = last_code(sms_folder)
    wrong = f"{(int(code) + 1) % 10**6:06d}"

    for _ in range(2):
        page = client.post(f"{URL}phone/confirm/", {"code": wrong}, follow=True).content.decode()
        assert "Kod jest nieprawidłowy lub wygasł." in page
    page = client.post(f"{URL}phone/confirm/", {"code": code}, follow=True).content.decode()
    assert "Spróbuj ponownie za 1 minutę" in page
    account.refresh_from_db()
    assert account.phone_confirmed_at is None

    account.phone = "+48609999999"  # changed on the contact-data page meanwhile
    account.save()
    clock.shift(timedelta(minutes=2))  # the wait is over
    client.post(f"{URL}phone/confirm/", {"code": code})
    account.refresh_from_db()
    assert account.phone_confirmed_at is None
