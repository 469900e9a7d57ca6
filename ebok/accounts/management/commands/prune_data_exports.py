"""The job of "My data": the ZIPs past their link's 24 hours leave the disk.

A ZIP holds everything about a customer; it should not outlive its link, whether or not the
login ever asks for another. The timer runs it hourly (deploy/systemd/ebok-prune-exports.timer);
safe to run twice or on two machines at once.
"""

from django.core.management.base import BaseCommand

from ebok.accounts.export import prune_expired


class Command(BaseCommand):
    help = "Delete the files of data exports whose download link has expired."

    def handle(self, *args, **options):
        self.stdout.write(f"expired exports: {prune_expired()}")
