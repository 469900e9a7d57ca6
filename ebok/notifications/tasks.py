from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_email(to: str, subject: str, body: str) -> None:
    EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]).send()


@task()
def deliver_notice(notice_id: int) -> str:
    """Send one recorded notice (ebok/notifications/delivery.py); safe to run twice."""
    from ebok.notifications.delivery import deliver

    return deliver(notice_id)


@task()
def deliver_notices(notice_ids: list[int]) -> dict[str, int]:
    """Send several recorded notices in turn, the e-mails over one SMTP connection; how many
    ended in each status. Each is claimed on its own, as deliver_notice does."""
    from ebok.notifications.delivery import deliver_in_turn

    return deliver_in_turn(notice_ids)


@task()
def send_text(to: str, text: str) -> None:
    """An SMS that is not a notice (a confirmation code), by SMS_BACKEND."""
    from ebok.notifications.sms import send_sms

    send_sms(to, text)
