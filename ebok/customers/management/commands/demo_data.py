from django.core.management.base import BaseCommand
from django.db import transaction

from ebok.customers.models import Customer

# The seed guide's customer first, then a few neighbours.
DEMO_CUSTOMERS = [
    (
        "001234",
        "Jan Węgrowski",
        "07-100",
        "Węgrów",
        "ul. Wyszyńskiego 1",
        "jan.wegrowski@example.pl",
    ),
    (
        "001235",
        "Anna Zielińska",
        "07-100",
        "Węgrów",
        "ul. Gdańska 12 m. 4",
        "anna.zielinska@example.pl",
    ),
    ("001236", "Spółdzielnia Mieszkaniowa „Liwiec”", "07-100", "Węgrów", "ul. Kościuszki 30", ""),
    (
        "001237",
        "Piotr Łukasiewicz",
        "07-100",
        "Węgrów",
        "ul. Przemysłowa 5",
        "p.lukasiewicz@example.pl",
    ),
    ("001238", "Małgorzata Śliwińska", "07-106", "Liw", "ul. Zamkowa 2", "m.sliwinska@example.pl"),
]


class Command(BaseCommand):
    help = "Create (or bring up to date) the demo customers; safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        for number, name, postal_code, city, street, email in DEMO_CUSTOMERS:
            Customer.objects.update_or_create(
                number=number,
                defaults={
                    "name": name,
                    "postal_code": postal_code,
                    "city": city,
                    "street": street,
                    "email": email,
                },
            )
        self.stdout.write(f"Demo customers: {len(DEMO_CUSTOMERS)}.")
