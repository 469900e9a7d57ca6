"""E-mails to customers. Each is rendered now, in the customer's language, and sent by a task."""

from django.conf import settings
from django.template.loader import render_to_string

from ebok.core.context_processors import utility
from ebok.notifications.tasks import send_email


def absolute_url(request, path: str) -> str:
    if settings.SITE_URL:
        return settings.SITE_URL + path
    return request.build_absolute_uri(path)


def send_to_customer(customer, template: str, context: dict) -> bool:
    """Render templates/emails/<template>.txt (first line: subject) and queue it."""
    if not customer.email:
        return False
    text = render_to_string(
        f"emails/{template}.txt", {"customer": customer, **utility(None), **context}
    )
    subject, _, body = text.strip().partition("\n")
    send_email.enqueue(to=customer.email, subject=subject.strip(), body=body.strip() + "\n")
    return True
