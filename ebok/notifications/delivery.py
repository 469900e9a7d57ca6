"""Sending one recorded notice, by its channel and in its customer's language.

A worker first claims the notice (pending -> sending, a conditional UPDATE only one worker
wins), so a notice queued twice is still sent once. A failure puts it back to pending with a
growing wait, NOTICE_MAX_ATTEMPTS times in all, and then marks it failed for staff to see
(the customer's page in the admin, and the notices' own list). A worker killed between the
claim and the send leaves the notice "being sent": it is not sent again, since it may have
left; staff see it in the list and can requeue it.
"""

import logging
import smtplib
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.core import mail
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ebok.core.context_processors import utility
from ebok.notifications.emails import notice_email
from ebok.notifications.events import EVENTS, NEW_INVOICE
from ebok.notifications.links import site_url, unsubscribe_url
from ebok.notifications.models import Channel, Notice, recipient_of
from ebok.notifications.sms import SendError, send_sms

logger = logging.getLogger(__name__)
FIRST_WAIT = timedelta(minutes=5)
TEMPORARY_ERRORS = (smtplib.SMTPException, OSError, SendError)


def wait_before(attempt: int) -> timedelta:
    """5 minutes after the first failure, then four times longer after each."""
    return FIRST_WAIT * 4 ** (attempt - 1)


def deliver_in_turn(notice_ids: list[int]) -> dict[str, int]:
    """Deliver each notice, keeping one SMTP connection open between the e-mails; how many
    ended in each status."""
    statuses = Counter()
    connection = mail.get_connection()
    try:
        for notice_id in notice_ids:
            try:
                status = deliver(notice_id, connection=connection)
            except Exception:  # one notice's fault must not hold back the rest
                # Left "being sent", as by a killed worker: staff see it and can requeue it.
                logger.exception("notice %s: delivery failed unexpectedly", notice_id)
                status = "error"
            statuses[status] += 1
            if status not in (Notice.Status.SENT, "not pending"):
                connection.close()  # perhaps broken: the next e-mail connects anew
    finally:
        connection.close()
    return dict(statuses)


def deliver(notice_id: int, *, connection=None) -> str:
    """Send the notice if it is still waiting; its status afterwards. The e-mail goes over
    `connection` when given, else over a connection of its own."""
    claimed = Notice.objects.filter(pk=notice_id, status=Notice.Status.PENDING).update(
        status=Notice.Status.SENDING, attempts=F("attempts") + 1
    )
    if not claimed:
        return "not pending"
    notice = Notice.objects.select_related("customer").get(pk=notice_id)
    try:
        with translation.override(recipient_of(notice.customer).language):
            notice.subject = _send(notice, connection)[:200]
    except ObjectDoesNotExist as error:  # what it told of is gone: no retry can help
        return _failed(notice, error, retry=False)
    except TEMPORARY_ERRORS as error:
        return _failed(notice, error, retry=True)
    notice.status = Notice.Status.SENT
    notice.sent_at = timezone.now()
    notice.last_error = ""
    notice.save(update_fields=["status", "sent_at", "subject", "last_error"])
    return notice.status


def _failed(notice, error, *, retry: bool) -> str:
    notice.last_error = f"{type(error).__name__}: {error}"[:300]
    if retry and notice.attempts < settings.NOTICE_MAX_ATTEMPTS:
        notice.status = Notice.Status.PENDING
        notice.next_attempt_at = timezone.now() + wait_before(notice.attempts)
        notice.queued_at = None
        notice.save(update_fields=["status", "next_attempt_at", "queued_at", "last_error"])
        _queue_retry(notice)
    else:
        notice.status = Notice.Status.FAILED
        notice.save(update_fields=["status", "last_error"])
    return notice.status


def _queue_retry(notice) -> None:
    """Queue the next attempt for its time, where the task backend can wait (the database
    backend can); otherwise the next run of send_notifications queues it once it is due."""
    from ebok.notifications.notices import claim_for_queue
    from ebok.notifications.tasks import deliver_notice

    backend = deliver_notice.get_backend()
    if backend.supports_defer and claim_for_queue(notice.pk, None, notice.next_attempt_at):
        deliver_notice.using(run_after=notice.next_attempt_at).enqueue(notice.pk)


def _context(notice) -> dict:
    event = EVENTS[notice.event]
    return {
        **event.context(notice),
        "customer": notice.customer,
        "portal_url": site_url("/panel/"),
        "settings_url": site_url("/account/notifications/"),
    }


def _send(notice, connection=None) -> str:
    event = EVENTS[notice.event]
    context = _context(notice)
    if notice.channel == Channel.SMS:
        # An SMS starts with the utility's name (notice_email adds it to e-mails).
        context = {**utility(None), **context}
        text = render_to_string(f"notifications/{event.key}_sms.txt", context).strip()
        send_sms(notice.recipient, text, key=f"eboknotice{notice.pk}")
        return text
    attachments = []
    if event is NEW_INVOICE and _has_e_invoice_consent(notice.customer):
        attachments.append(_invoice_pdf(context["invoice"]))
    link = "" if event.always else unsubscribe_url(notice.customer_id, event.key, Channel.EMAIL)
    message = notice_email(
        notice.recipient,
        event.key,
        {**context, "e_invoice": bool(attachments)},
        unsubscribe_url=link,
        attachments=attachments,
    )
    if connection is not None:
        connection.open()  # kept open between e-mails; a no-op when it is
        message.connection = connection
    message.send()
    return message.subject


def _has_e_invoice_consent(customer) -> bool:
    from ebok.accounts.models import Consent

    return customer.consents.filter(kind=Consent.Kind.E_INVOICE).exists()


def _invoice_pdf(invoice) -> tuple[str, bytes, str]:
    from ebok.billing.downloads import invoice_pdf

    return (*invoice_pdf(invoice), "application/pdf")
