"""E-mails to customers. Each is rendered now, in the request's language, and sent by a task."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from ebok.core.context_processors import absolute_url, utility
from ebok.notifications.tasks import send_email

# absolute_url lives in ebok.core (the pages need it too); callers import it from here.
__all__ = ["absolute_url", "send_to_address", "send_to_customer"]


def send_to_address(address: str, template: str, context: dict) -> None:
    """Render templates/emails/<template>.txt (first line: subject) and queue it for address."""
    text = render_to_string(f"emails/{template}.txt", {**utility(None), **context})
    subject, _, body = text.strip().partition("\n")
    send_email.enqueue(to=address, subject=subject.strip(), body=body.strip() + "\n")


def send_to_customer(customer, template: str, context: dict) -> bool:
    """The same, to the e-mail address on file; False (nothing sent) when there is none."""
    if not customer.email:
        return False
    send_to_address(customer.email, template, {"customer": customer, **context})
    return True


def notice_email(
    address: str, template: str, context: dict, *, unsubscribe_url: str = "", attachments=()
) -> EmailMultiAlternatives:
    """A notice's e-mail: notifications/<template>.txt (subject first) and .html, both in the
    active language, with the utility's name and contact (templates/emails/layout.html).

    With unsubscribe_url the message carries List-Unsubscribe and, for one click in the mail
    program, List-Unsubscribe-Post (RFC 8058): a POST to that URL turns the event off.
    """
    context = {**utility(None), **context, "unsubscribe_url": unsubscribe_url}
    text = render_to_string(f"notifications/{template}.txt", context)
    subject, _, body = text.strip().partition("\n")
    # The letter without its signature ("-- " line), for HTML parts that show the plain text.
    letter = body.strip().split("\n-- \n")[0]
    html = render_to_string(
        f"notifications/{template}.html", {**context, "subject": subject, "letter": letter}
    )
    headers = {}
    if unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=subject.strip(),
        body=body.strip() + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    return message
