"""The kinds of record a batch carries: customers, service points, meters, readings, invoices
with their charges, payments."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from ebok.billing.models import Invoice, InvoiceLine, Payment, PushedBalance
from ebok.customers.models import Customer, Meter, Reading, ReadingWindow, ServicePoint
from ebok.customers.tasks import check_leaks_after_commit
from ebok.integration.services.sections import Reference, Section
from ebok.payments.models import OnlinePaymentPart
from ebok.payments.selectors import paid_parts

CUSTOMER = Reference("customer_external_id", "customers", Customer, "customer")
SERVICE_POINT = Reference(
    "service_point_external_id", "service_points", ServicePoint, "service point"
)
METER = Reference("meter_external_id", "meters", Meter, "meter")


def forget_balances(batch, customer_ids) -> None:
    """Forget the pushed balances of these customers, except those pushed in the same batch:
    a balance sent with the invoices and payments accounts for them."""
    pushed_now = {
        batch.pks[Customer].get(item.customer_external_id)
        for item in batch.items.get("balances", [])
    }
    forgotten = set(customer_ids) - pushed_now - {None}
    if forgotten:
        PushedBalance.objects.filter(customer_id__in=forgotten).delete()


def _changed_customers(section) -> set[int]:
    """The customers whose rows the section created or changed, and their owners before."""
    changed = set()
    for _item, row, state in section.written:
        if state != "unchanged":
            changed |= {row.customer_id, section.owners_before.get(row.pk)}
    return changed


# Left out or null in a record: eBOK keeps its value (see CustomerIn).
KEPT_WHEN_MISSING = ("email", "phone", "bank_account")


class Customers(Section):
    name = "customers"
    model = Customer

    def check_more(self):
        self.check_unique_natural_key("number", "customer number")
        self.check_numbers_of_accounts_stay()

    def check_numbers_of_accounts_stay(self):
        """A customer with an eBOK account logs in with the number: it does not change here."""
        renumbered = {
            row.pk: index
            for index, item in enumerate(self.items)
            if (row := self.existing.get(item.external_id)) is not None
            and row.number != item.number
        }
        if not renumbered:
            return
        User = get_user_model()
        with_account = User.objects.filter(customer_id__in=renumbered).values_list(
            "customer_id", flat=True
        )
        for customer_id in with_account:
            index = renumbered[customer_id]
            message = (
                "The customer has an eBOK account and logs in with the number it has; the "
                "customer office changes it."
            )
            self.batch.error(self.name, index, "number", message)

    def values(self, item):
        values = {
            "external_id": item.external_id,
            "number": item.number,
            "name": item.name,
            "postal_code": item.postal_code,
            "city": item.city,
            "street": item.street,
            "nip": item.nip,
        }
        for name in KEPT_WHEN_MISSING:
            if getattr(item, name) is not None:
                values[name] = getattr(item, name)
        return values

    def before_save(self, created, updated):
        # bulk_update does not run auto_now.
        now = timezone.now()
        for row in updated:
            row.updated_at = now
        return {"updated_at"}


class ServicePoints(Section):
    name = "service_points"
    model = ServicePoint
    references = (CUSTOMER,)

    def values(self, item):
        return {
            "external_id": item.external_id,
            "customer_id": self.resolve(CUSTOMER, item),
            "code": item.code,
            "postal_code": item.postal_code,
            "city": item.city,
            "street": item.street,
            "water": item.water,
            "sewage": item.sewage,
            "norm_monthly_use": item.norm_monthly_use,
        }


class Meters(Section):
    name = "meters"
    model = Meter
    references = (SERVICE_POINT,)

    def values(self, item):
        return {
            "external_id": item.external_id,
            "service_point_id": self.resolve(SERVICE_POINT, item),
            "serial_number": item.serial_number,
            "kind": item.kind,
            "description": item.description,
            "installed_on": item.installed_on,
            "removed_on": item.removed_on,
            "register_digits": item.register_digits,
            "legalised_until": item.legalised_until,
        }


class Readings(Section):
    name = "readings"
    model = Reading
    references = (METER,)

    def check_more(self):
        """A record may name a reading a customer submitted (submitted_id): it becomes that row."""
        wanted = {item.submitted_id for item in self.items} - {None}
        if not wanted:
            return
        submitted = {
            row.pk: row
            for row in Reading.objects.filter(pk__in=wanted, source=Reading.Source.CUSTOMER)
        }
        seen: dict[int, int] = {}
        for index, item in enumerate(self.items):
            if item.submitted_id is None:
                continue
            row = submitted.get(item.submitted_id)
            current = self.existing.get(item.external_id)
            if item.submitted_id in seen:
                message = f"The same submitted_id is given at index {seen[item.submitted_id]}."
            elif row is None:
                message = f"No reading submitted by a customer has id {item.submitted_id}."
            elif current is not None and current.pk != row.pk:
                message = "The external_id already names another reading."
            elif current is None and row.external_id is not None:
                message = f"That reading already has external_id {row.external_id!r}."
            else:
                message = None
                self.existing[item.external_id] = row
            seen.setdefault(item.submitted_id, index)
            if message:
                self.batch.error(self.name, index, "submitted_id", message)

    def after_write(self):
        changed = [row.meter_id for _item, row, state in self.written if state != "unchanged"]
        points = Meter.objects.filter(pk__in=set(changed)).values_list(
            "service_point_id", flat=True
        )
        check_leaks_after_commit(points)

    def values(self, item):
        return {
            "external_id": item.external_id,
            "meter_id": self.resolve(METER, item),
            "read_on": item.read_on,
            "value": item.value,
            "source": item.source,
        }


class ReadingWindows(Section):
    """The days a service point accepts self-readings; with none, every day does."""

    name = "reading_windows"
    model = ReadingWindow
    references = (SERVICE_POINT,)

    def values(self, item):
        return {
            "external_id": item.external_id,
            "service_point_id": self.resolve(SERVICE_POINT, item),
            "opens_on": item.opens_on,
            "closes_on": item.closes_on,
        }


LINE_FIELDS = (
    "service_point_id",
    "description",
    "period_start",
    "period_end",
    "quantity",
    "unit",
    "unit_net_price",
    "vat_rate",
    "net",
    "vat",
    "gross",
)


class Invoices(Section):
    """Invoices with their charges; the charges of an updated invoice replace the old ones."""

    name = "invoices"
    model = Invoice
    references = (CUSTOMER,)

    def check_more(self):
        self.owners_before = {row.pk: row.customer_id for row in self.existing.values()}
        self.check_unique_natural_key("number", "invoice number")
        self.check_charges()
        existing = [row.pk for row in self.existing.values()]
        self.lines_now: dict[int, list[tuple]] = {pk: [] for pk in existing}
        for line in InvoiceLine.objects.filter(invoice_id__in=existing).order_by("id"):
            self.lines_now[line.invoice_id].append(tuple(getattr(line, f) for f in LINE_FIELDS))

    def check_charges(self):
        """Service points on charges exist and belong to the invoice's customer."""
        named = {
            charge.service_point_external_id
            for item in self.items
            for charge in item.charges
            if charge.service_point_external_id
        }
        if not named:
            return
        in_batch = {
            point.external_id: point.customer_external_id
            for point in self.batch.items.get("service_points", [])
        }
        owners = dict(
            ServicePoint.objects.filter(external_id__in=named - set(in_batch)).values_list(
                "external_id", "customer__external_id"
            )
        )
        owners.update(in_batch)
        self.batch.fetch_pks(ServicePoint, named - set(in_batch))
        for index, item in enumerate(self.items):
            for number, charge in enumerate(item.charges):
                point = charge.service_point_external_id
                if point is None:
                    continue
                if point not in owners:
                    message = (
                        f"No service point with external_id {point!r}, neither in eBOK nor "
                        "earlier in this request."
                    )
                elif owners[point] != item.customer_external_id:
                    message = f"Service point {point!r} belongs to another customer."
                else:
                    continue
                field = f"charges.{number}.service_point_external_id"
                self.batch.error(self.name, index, field, message)

    def values(self, item):
        return {
            "external_id": item.external_id,
            "customer_id": self.resolve(CUSTOMER, item),
            "kind": item.kind,
            "number": item.number,
            "issued_on": item.issued_on,
            "period_start": item.period_start,
            "period_end": item.period_end,
            "due_on": item.due_on,
            "net": item.net,
            "vat": item.vat,
            "gross": item.gross,
            "ksef_number": item.ksef_number,
            "ksef_mode": item.ksef_mode,
            "ksef_sha256": item.ksef_sha256,
        }

    def lines_of(self, item) -> list[tuple]:
        return [
            tuple(self.line_values(charge)[name] for name in LINE_FIELDS) for charge in item.charges
        ]

    def line_values(self, charge) -> dict:
        return {
            "service_point_id": self.resolve(SERVICE_POINT, charge),
            **{name: getattr(charge, name) for name in LINE_FIELDS if name != "service_point_id"},
        }

    def also_changed(self, item, row):
        return self.lines_now.get(row.pk, []) != self.lines_of(item)

    def after_write(self):
        replaced, lines = [], []
        for item, row, state in self.written:
            if state == "unchanged" or (
                state == "updated" and self.lines_now.get(row.pk, []) == self.lines_of(item)
            ):
                continue
            invoice_id = self.batch.pks[Invoice][item.external_id]
            if state == "updated":
                replaced.append(invoice_id)
            lines += [
                InvoiceLine(invoice_id=invoice_id, **self.line_values(charge))
                for charge in item.charges
            ]
        if replaced:
            InvoiceLine.objects.filter(invoice_id__in=replaced).delete()
        InvoiceLine.objects.bulk_create(lines)
        forget_balances(self.batch, _changed_customers(self))


class Payments(Section):
    name = "payments"
    model = Payment
    references = (CUSTOMER,)

    def check_more(self):
        """A payment may book an online payment taken from the pull (online_payment_id)."""
        self.owners_before = {row.pk: row.customer_id for row in self.existing.values()}
        wanted = {item.online_payment_id for item in self.items} - {None}
        if not wanted:
            return
        parts = {
            part.pk: part
            for part in paid_parts().filter(pk__in=wanted).select_related("customer", "booked")
        }
        seen: dict[int, int] = {}
        for index, item in enumerate(self.items):
            part_id = item.online_payment_id
            if part_id is None:
                continue
            part = parts.get(part_id)
            if part_id in seen:
                message = f"The same online_payment_id is given at index {seen[part_id]}."
            elif part is None:
                message = f"No paid online payment has id {part_id}."
            elif part.customer.external_id != item.customer_external_id:
                message = "That online payment was made for another customer."
            elif part.booked is not None and part.booked.external_id != item.external_id:
                message = f"That online payment is booked as {part.booked.external_id!r} already."
            else:
                message = None
            seen.setdefault(part_id, index)
            if message:
                self.batch.error(self.name, index, "online_payment_id", message)

    def values(self, item):
        return {
            "external_id": item.external_id,
            "customer_id": self.resolve(CUSTOMER, item),
            "paid_on": item.paid_on,
            "amount": item.amount,
            "title": item.title,
            "method": item.method,
        }

    def after_write(self) -> None:
        """Links a booked payment to the online payment it books; a payment the API pushes is
        told to its customer at once (if they want it); a file import of history tells nobody,
        and the daily run's window catches what this missed. A pushed balance that cannot know
        of the payments is forgotten."""
        forget_balances(self.batch, _changed_customers(self))
        for item, _row, _state in self.written:
            if item.online_payment_id is not None:
                OnlinePaymentPart.objects.filter(pk=item.online_payment_id).update(
                    booked_id=self.batch.pks[Payment][item.external_id]
                )
        if self.batch.request is None:
            return
        from ebok.notifications.notices import tell_payments

        tell_payments([row for _item, row, state in self.written if state == "created"])


SECTIONS = [Customers, ServicePoints, Meters, Readings, ReadingWindows, Invoices, Payments]
