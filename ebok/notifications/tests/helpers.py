from datetime import timedelta
from decimal import Decimal

from django.core.management import call_command

from ebok.billing.models import Invoice
from ebok.testing import TODAY


def make_invoice(customer, number="FV/1/2026", *, due_in=3, gross="120.50", issued_ago=10):
    gross = Decimal(gross)
    return Invoice.objects.create(
        customer=customer,
        number=number,
        issued_on=TODAY - timedelta(days=issued_ago),
        due_on=TODAY + timedelta(days=due_in),
        net=gross,
        vat=Decimal("0.00"),
        gross=gross,
    )


def run(*arguments) -> str:
    from io import StringIO

    out = StringIO()
    call_command("send_notifications", *arguments, stdout=out)
    return out.getvalue()
