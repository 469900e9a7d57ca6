from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ebok.accounts.services import issue_temporary_password
from ebok.customers.models import Customer, normalize_customer_number


class Command(BaseCommand):
    help = "Issue a temporary password to a customer and print it alone on the last line."

    def add_arguments(self, parser):
        parser.add_argument("customer_number")

    def handle(self, *args, customer_number, **options):
        number = normalize_customer_number(customer_number)
        customer = Customer.objects.filter(number=number).first()
        if customer is None:
            raise CommandError(f"No customer with number {number!r}.")
        password = issue_temporary_password(customer)
        expires = timezone.localtime(customer.account.temporary_password_expires_at)
        self.stdout.write(
            f"Temporary password for customer {customer.number} ({customer.name}), "
            f"valid until {expires:%Y-%m-%d %H:%M}:"
        )
        self.stdout.write(password)
