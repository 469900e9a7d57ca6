from pathlib import Path

from django.core.management.base import BaseCommand

from ebok.integration.openapi import schema_json


class Command(BaseCommand):
    help = "Write the integration API's OpenAPI schema (docs/openapi.json by default)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="docs/openapi.json", help="'-' for standard output")

    def handle(self, *args, output, **options):
        text = schema_json()
        if output == "-":
            self.stdout.write(text, ending="")
        else:
            Path(output).write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {output}")
