"""E-mails to customers. Each is rendered now, in the request's language, and sent by a task."""

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
