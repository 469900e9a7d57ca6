from django.core.management.base import BaseCommand, CommandError

from ebok.integration.tokens import create_token


class Command(BaseCommand):
    help = "Create a token for the integration API and print it alone on the last line (once)."

    def add_arguments(self, parser):
        parser.add_argument("name", help="Which system or job uses it, e.g. billing-nightly.")

    def handle(self, *args, name, **options):
        name = name.strip()
        if not name or len(name) > 100:
            raise CommandError("The name must have 1 to 100 characters.")
        api_token, token = create_token(name)
        self.stdout.write(
            f"API token {api_token.name!r} (id {api_token.pk}). It is shown only now; "
            "eBOK keeps only its hash. Send it as `Authorization: Bearer <token>`:"
        )
        self.stdout.write(token)
