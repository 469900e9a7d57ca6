"""The one way to reach a customer's data: everything here starts from the logged-in customer.

Views fetch single objects with get_object_or_404(scope.<collection>, pk=...), so another
customer's id is simply not found.
"""

from django.db.models import Q

from ebok.billing.invoice_rows import counts_by_year, latest_invoice
from ebok.content.models import Document
from ebok.customers.meter_list import (
    meter_with_point,
    meters_with_last_reading,
    points_with_open_leak_warning,
)
from ebok.customers.models import Meter, Reading


class CustomerScope:
    def __init__(self, customer):
        self.customer = customer

    @property
    def invoices(self):
        return self.customer.invoices.all()

    def latest_invoice(self):
        """The invoice issued last, or None."""
        return latest_invoice(self.customer.pk)

    def invoice_counts_by_year(self) -> dict[int, int]:
        """How many invoices each year has, newest year first."""
        return counts_by_year(self.customer.pk)

    @property
    def payments(self):
        return self.customer.payments.all()

    @property
    def service_points(self):
        return self.customer.service_points.all()

    @property
    def meters(self):
        return Meter.objects.filter(service_point__customer=self.customer)

    def meter_with_point(self, pk):
        """One of the customer's meters with its service point, or None (not found)."""
        return meter_with_point(self.customer.pk, pk)

    def points_with_open_leak_warning(self) -> list:
        """The service points, each with its open leak warning or None (as a list)."""
        return points_with_open_leak_warning(self.customer.pk)

    def meters_with_last_reading(self) -> list:
        """The meters, in use first, each with its last reading that counts (as a list)."""
        return meters_with_last_reading(self.customer.pk)

    @property
    def open_leak_warnings(self) -> list:
        """The leak warnings still open, each with its point, in the points' order."""
        points = self.points_with_open_leak_warning()
        return [point.leak_warning for point in points if point.leak_warning is not None]

    @property
    def readings(self):
        return Reading.objects.filter(meter__service_point__customer=self.customer)

    @property
    def cases(self):
        return self.customer.cases.all()

    @property
    def documents(self):
        """The customer's own published documents and those for all customers."""
        return Document.objects.published().filter(
            Q(customer=self.customer) | Q(customer__isnull=True)
        )
