"""The one place a case sends e-mail from: the customer hears of the office's answers and of
status changes. Kept small so that it can move to the notifications' own events."""

from django.urls import reverse
from django.utils import translation

from ebok.notifications.emails import absolute_url, send_to_customer


def tell_customer(request, case, what: str) -> bool:
    """`what`: "answer" or "status". In Polish, the language every customer reads (no
    language is kept per customer); the e-mail says only that something changed and links to
    the case, so nothing of its content leaves the portal."""
    with translation.override("pl"):
        url = absolute_url(request, reverse("cases:case", args=[case.pk]))
        return send_to_customer(
            case.customer, "case_changed", {"case": case, "what": what, "url": url}
        )
