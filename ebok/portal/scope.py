"""The one way to reach a customer's data: everything here starts from the logged-in customer.

Views fetch single objects with get_object_or_404(scope.<collection>, pk=...), so another
customer's id is simply not found.
"""

from django.db.models import Q

from ebok.content.models import Document
from ebok.customers.models import LeakWarning, Meter, Reading


class CustomerScope:
    def __init__(self, customer):
        self.customer = customer

    @property
    def invoices(self):
        return self.customer.invoices.all()

    @property
    def payments(self):
        return self.customer.payments.all()

    @property
    def service_points(self):
        return self.customer.service_points.all()

    @property
    def meters(self):
        return Meter.objects.filter(service_point__customer=self.customer)

    @property
    def open_leak_warnings(self):
        """The leak warnings still open, with their points, in the points' order."""
        return (
            LeakWarning.objects.filter(service_point__customer=self.customer, cleared_on=None)
            .select_related("service_point")
            .order_by("service_point__code", "service_point_id")
        )

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
