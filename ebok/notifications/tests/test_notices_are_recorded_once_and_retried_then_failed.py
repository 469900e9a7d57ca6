"""A notice is recorded before it is sent and never sent twice: the daily run twice, or two
runs at once, send one e-mail. A delivery that fails is tried again after a growing wait, and
after NOTICE_MAX_ATTEMPTS it is marked failed, which staff see on the customer's page."""

from datetime import timedelta

import pytest

from ebok.notifications.delivery import deliver
from ebok.notifications.models import Notice
from ebok.notifications.notices import Occasion, queue_due, record
from ebok.notifications.tests.helpers import make_invoice, run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def test_running_the_job_twice_sends_one_email(customer, smtp_server):
    make_invoice(customer, due_in=3, issued_ago=30)  # not new any more

    run()
    second = run()

    assert "payment_due: 1 due, 0 new notices" in second
    assert "queued: 0" in second
    assert len(smtp_server.to("jan@example.pl")) == 1
    assert Notice.objects.count() == 1


def test_a_notice_queued_by_two_runs_is_delivered_once(customer, smtp_server, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    record("payment_received", [])  # nothing: no error
    make_invoice(customer, due_in=3)
    run("--event", "payment_due")  # recorded and queued, not yet sent (no worker)
    notice = Notice.objects.get()
    assert notice.queued_at is not None
    assert queue_due() == 0  # the other machine's run finds it queued

    assert deliver(notice.pk) == Notice.Status.SENT
    assert deliver(notice.pk) == "not pending"  # the same task, run again
    assert len(smtp_server.to("jan@example.pl")) == 1


def test_a_failing_delivery_waits_longer_each_time_then_is_marked_failed(customer, settings, clock):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    settings.NOTICE_MAX_ATTEMPTS = 3
    record("overdue", [Occasion(customer.pk, "2026-11-25", {"amount": "10.00"})])

    queue_due()
    notice = Notice.objects.get()
    assert (notice.status, notice.attempts) == (Notice.Status.PENDING, 1)
    assert "ConnectionRefusedError" in notice.last_error
    assert queue_due() == 0  # not before its time
    clock.shift(timedelta(minutes=5))
    queue_due()
    notice.refresh_from_db()
    assert notice.attempts == 2
    clock.shift(timedelta(minutes=19))
    assert queue_due() == 0
    clock.shift(timedelta(minutes=1))  # 20 minutes after the second failure
    queue_due()

    notice.refresh_from_db()
    assert (notice.status, notice.attempts) == (Notice.Status.FAILED, 3)
    assert queue_due() == 0
