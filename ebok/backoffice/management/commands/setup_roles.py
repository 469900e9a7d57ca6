from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from ebok.backoffice.roles import ADMINISTRATOR, OPERATOR, setup_roles


class Command(BaseCommand):
    help = (
        "Create or update the staff groups Operator and Administrator. Administrator gets every "
        "permission there is, so run it again after installing an app (migrate also does)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, database, **options):
        missing = setup_roles(using=database)
        for name in missing:
            self.stderr.write(f"Permission {name} does not exist; the operator does without it.")
        self.stdout.write(f"Groups {OPERATOR} and {ADMINISTRATOR} are up to date.")
