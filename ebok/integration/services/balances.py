"""The balances the billing system pushes, and forgetting them when they can no longer be true.

A pushed balance is one per customer (keyed by the customer's external_id) and brings what is
left to pay on each of the customer's invoices. eBOK uses it while it knows of nothing newer
(ebok/billing/balance.py); a change of the customer's invoices or payments that the API brings
without a balance in the same request is something the balance cannot account for, so the
balance is forgotten then, and the panel derives again until the next one comes.
"""

from django.utils import timezone

from ebok.billing.models import Invoice, PushedBalance, PushedInvoiceBalance
from ebok.integration.services.records import CUSTOMER
from ebok.integration.services.sections import Section


class Balances(Section):
    name = "balances"
    model = PushedBalance
    references = (CUSTOMER,)
    key = "customer_external_id"
    row_key_lookup = "customer__external_id"

    def row_key(self, row) -> str:
        return row.customer.external_id

    def rows(self):
        return PushedBalance.objects.select_related("customer")

    def check_more(self):
        """The invoices listed exist (or come earlier in the request), are the customer's, and
        have no more left to pay than they charge."""
        named = {left.invoice_external_id for item in self.items for left in item.invoices}
        in_batch = {
            invoice.external_id: (invoice.customer_external_id, invoice.gross)
            for invoice in self.batch.items.get("invoices", [])
        }
        known = {
            external_id: (customer, gross)
            for external_id, customer, gross in Invoice.objects.filter(
                external_id__in=named - set(in_batch)
            ).values_list("external_id", "customer__external_id", "gross")
        }
        known.update(in_batch)
        self.batch.fetch_pks(Invoice, named - set(in_batch))
        for index, item in enumerate(self.items):
            for number, left in enumerate(item.invoices):
                field = f"invoices.{number}.invoice_external_id"
                found = known.get(left.invoice_external_id)
                if found is None:
                    message = (
                        f"No invoice with external_id {left.invoice_external_id!r}, neither in "
                        "eBOK nor earlier in this request."
                    )
                elif found[0] != item.customer_external_id:
                    message = f"Invoice {left.invoice_external_id!r} is another customer's."
                elif left.left_to_pay > found[1]:
                    field = f"invoices.{number}.left_to_pay"
                    message = f"More than the invoice's gross ({found[1]})."
                else:
                    continue
                self.batch.error(self.name, index, field, message)
        self.left_now: dict[int, dict[int, object]] = {row.pk: {} for row in self.existing.values()}
        for row in PushedInvoiceBalance.objects.filter(balance_id__in=self.left_now):
            self.left_now[row.balance_id][row.invoice_id] = row.left_to_pay

    def values(self, item):
        return {
            "customer_id": self.resolve(CUSTOMER, item),
            "as_of": item.as_of,
            "amount_due": item.amount_due,
            "overdue": item.overdue,
            "overpayment": item.overpayment,
            "interest": item.interest,
        }

    def left_of(self, item) -> dict[int, object]:
        return {
            self.batch.pks[Invoice][left.invoice_external_id]: left.left_to_pay
            for left in item.invoices
        }

    def also_changed(self, item, row) -> bool:
        return self.left_now.get(row.pk, {}) != self.left_of(item)

    def before_save(self, created, updated):
        now = timezone.now()
        for row in [*created, *updated]:
            row.received_at = now
        return {"received_at"}

    def after_write(self):
        changed = [(item, row) for item, row, state in self.written if state != "unchanged"]
        if not changed:
            return
        PushedInvoiceBalance.objects.filter(balance_id__in=[row.pk for _, row in changed]).delete()
        PushedInvoiceBalance.objects.bulk_create(
            PushedInvoiceBalance(balance_id=row.pk, invoice_id=invoice_id, left_to_pay=left)
            for item, row in changed
            for invoice_id, left in self.left_of(item).items()
        )
