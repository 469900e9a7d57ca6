"""The daily run: record the notices that are due, then queue their delivery.

Safe to run twice, on two machines at once, or again after being killed: see
ebok/notifications/notices.py. The workers (`manage.py db_worker`) send what it queues.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from ebok.notifications.finders import FINDERS
from ebok.notifications.notices import queue_due, record


class Command(BaseCommand):
    help = "Record the notices that are due (due dates, overdue, new invoices, ...) and queue them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--event", choices=sorted(FINDERS), action="append", help="Only these events."
        )
        parser.add_argument(
            "--queue-only", action="store_true", help="Only queue what is recorded and waiting."
        )

    def handle(self, *args, event=None, queue_only=False, **options):
        today = timezone.localdate()
        if not queue_only:
            for key in event or FINDERS:
                occasions = FINDERS[key](today)
                created = record(key, occasions)
                self.stdout.write(f"{key}: {len(occasions)} due, {created} new notices")
        self.stdout.write(f"queued: {queue_due()}")
