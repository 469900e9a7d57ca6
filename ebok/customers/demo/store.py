"""Writing the demo data quickly: wiping what an earlier run made, then inserting in bulk.

Demo customers carry the external id "demo:<number>". They are upserted by number, so that their
accounts and audit events survive a new run; everything below them (service points, meters,
readings, invoices, charges, payments) is deleted with one statement per table and written
anew. Rows come with their ids, taken from the range above each table's largest id: on
PostgreSQL the tables are locked against other writers for the run, the rows go in with COPY
through psycopg 3, and the id sequences are moved past them at the end; elsewhere (SQLite)
bulk_create writes them.
"""

from django.core.management.color import no_style
from django.db import connection, models

from ebok.billing.models import Invoice, InvoiceLine, Payment
from ebok.customers.models import Customer, Meter, Reading, ServicePoint

DEMO_MARK = "demo:"
# Tables in the order they are written (parents first); the keys are history.FIELDS's.
MODELS = {
    "point": ServicePoint,
    "meter": Meter,
    "reading": Reading,
    "invoice": Invoice,
    "line": InvoiceLine,
    "payment": Payment,
}
CUSTOMER_FIELDS = ("number", "name", "postal_code", "city", "street", "email", "phone")
BATCH_SIZE = 1000


def demo_customers():
    return Customer.objects.filter(external_id__startswith=DEMO_MARK)


class Store:
    def __init__(self):
        self.postgres = connection.vendor == "postgresql"

    def begin(self):
        """Inside the run's transaction: keep other writers out of the id ranges we take."""
        if self.postgres:
            tables = ", ".join(self._table(model) for model in MODELS.values())
            self._execute(f"LOCK TABLE {tables} IN SHARE ROW EXCLUSIVE MODE")
            # Check foreign keys at the end of each COPY rather than queueing millions of
            # checks for the commit: the memory they take stays small.
            self._execute("SET CONSTRAINTS ALL IMMEDIATE")

    def upsert_customers(self, specs, now):
        """Create the customers or bring existing ones (same number) to the demo's values."""
        customers = [
            Customer(
                **{name: getattr(spec, name) for name in CUSTOMER_FIELDS},
                external_id=DEMO_MARK + spec.number,
                bank_account="",
                created_at=now,
                updated_at=now,
            )
            for spec in specs
        ]
        Customer.objects.bulk_create(
            customers,
            batch_size=BATCH_SIZE,
            update_conflicts=True,
            unique_fields=["number"],
            update_fields=[*CUSTOMER_FIELDS[1:], "external_id", "bank_account", "updated_at"],
        )

    def demo_customer_ids(self) -> dict[str, int]:
        return dict(demo_customers().values_list("number", "id"))

    def wipe(self):
        """Delete everything below the demo customers, children first.

        Rows of other apps that point at them (a reading's export, say) go first, as Django
        would do it: deleted, or their reference emptied (SET_NULL).
        """
        customers = demo_customers()
        outside = [
            relation
            for model in MODELS.values()
            for relation in model._meta.related_objects
            if relation.related_model not in MODELS.values()
        ]
        if (
            self.postgres
            and not outside
            and not Customer.objects.exclude(pk__in=customers).exists()
        ):
            # Only demo customers and nothing else pointing here: TRUNCATE is instant.
            tables = ", ".join(self._table(model) for model in MODELS.values())
            self._execute(f"TRUNCATE {tables}")
            return
        invoices = Invoice.objects.filter(customer__in=customers)
        points = ServicePoint.objects.filter(customer__in=customers)
        meters = Meter.objects.filter(service_point__in=points)
        doomed = {  # model: (its demo rows, the column to find them by, the parents' rows)
            InvoiceLine: (InvoiceLine.objects.filter(invoice__in=invoices), "invoice_id", invoices),
            Invoice: (invoices, "customer_id", customers),
            Payment: (Payment.objects.filter(customer__in=customers), "customer_id", customers),
            Reading: (Reading.objects.filter(meter__in=meters), "meter_id", meters),
            Meter: (meters, "service_point_id", points),
            ServicePoint: (points, "customer_id", customers),
        }
        for relation in outside:
            field = relation.field.name
            pointing = relation.related_model._base_manager.filter(
                **{f"{field}__in": doomed[relation.model][0]}
            )
            if relation.on_delete is models.SET_NULL:
                pointing.update(**{field: None})
            elif relation.on_delete is not models.DO_NOTHING:
                pointing.delete()  # CASCADE; PROTECT and RESTRICT refuse, as they should
        for model, (_, column, parents) in doomed.items():
            sql, params = parents.order_by().values("id").query.sql_with_params()
            delete = f"DELETE FROM {self._table(model)} WHERE {column} IN ({sql})"  # noqa: S608
            self._execute(delete, params)

    def delete_customers(self, ids):
        """Demo customers a larger earlier run made (their accounts and documents go too)."""
        ids = list(ids)
        for start in range(0, len(ids), BATCH_SIZE):
            Customer.objects.filter(pk__in=ids[start : start + BATCH_SIZE]).delete()

    def first_free_ids(self) -> dict[str, int]:
        free = {}
        for name, model in MODELS.items():
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT MAX(id) FROM {self._table(model)}")  # noqa: S608
                free[name] = (cursor.fetchone()[0] or 0) + 1
        return free

    def write(self, table: str, fields: tuple[str, ...], rows: list[tuple]):
        if not rows:
            return
        model = MODELS[table]
        if self.postgres:
            columns = ", ".join(
                connection.ops.quote_name(model._meta.get_field(name).column) for name in fields
            )
            with connection.cursor() as cursor:
                copy_sql = f"COPY {self._table(model)} ({columns}) FROM STDIN"
                with cursor.cursor.copy(copy_sql) as copy:
                    for row in rows:
                        copy.write_row(row)
        else:
            objects = [model(**dict(zip(fields, row, strict=True))) for row in rows]
            model.objects.bulk_create(objects, batch_size=BATCH_SIZE)

    def finish(self):
        if self.postgres:
            for sql in connection.ops.sequence_reset_sql(no_style(), list(MODELS.values())):
                self._execute(sql)
            self._execute("SET CONSTRAINTS ALL DEFERRED")  # Django's default again
            # Fresh statistics, so that the portal's queries are planned well straight away.
            self._execute(f"ANALYZE {', '.join(self._table(model) for model in MODELS.values())}")

    @staticmethod
    def _table(model) -> str:
        return connection.ops.quote_name(model._meta.db_table)

    @staticmethod
    def _execute(sql, params=None):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
