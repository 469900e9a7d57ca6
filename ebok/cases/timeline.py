"""A case's history as the customer reads it: status changes and messages, oldest first."""

from django.db.models import Prefetch

from ebok.cases.models import Attachment


def customer_timeline(case) -> list:
    """Entries with .kind ("status" or "message"); internal notes are never among them."""
    changes = list(case.status_changes.all())
    for change in changes:
        change.kind = "status"
    notes = (
        case.messages.filter(internal=False)
        .select_related("author")
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.order_by("id")))
    )
    entries = list(notes)
    for message in entries:
        message.kind = "message"
        message.at = message.created_at
    return sorted([*changes, *entries], key=lambda entry: (entry.at, entry.kind == "message"))
