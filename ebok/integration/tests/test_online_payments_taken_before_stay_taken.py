"""The online payments' acknowledgements moved to the pull's export rows: a database migrated
forward hands out none of the parts the billing system had taken, and the others still."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("payments", "0001_initial"), ("integration", "0002_account_change_export")]
AFTER = [("payments", "0002_remove_onlinepaymentpart_exported_at")]
TAKEN_AT = datetime(2026, 11, 20, 18, 2, tzinfo=UTC)


def test_a_part_taken_before_the_migration_is_not_handed_out_again():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Customer = old.get_model("customers", "Customer")
    OnlinePayment = old.get_model("payments", "OnlinePayment")
    Part = old.get_model("payments", "OnlinePaymentPart")
    customer = Customer.objects.create(number="001234", name="Jan Węgrowski")
    payment = OnlinePayment.objects.create(provider="przelewy24", amount=150, state="paid")
    taken = Part.objects.create(
        payment=payment, customer=customer, amount=100, exported_at=TAKEN_AT
    )
    new_one = Part.objects.create(payment=payment, customer=customer, amount=50)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Export = new.get_model("integration", "OnlinePaymentExport")
    assert list(Export.objects.values_list("part_id", "acknowledged_at")) == [(taken.pk, TAKEN_AT)]

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    from ebok.integration.services.pull import pending_online_payments

    parts, has_more = pending_online_payments(0, 100)
    assert [part.pk for part in parts] == [new_one.pk]
    assert has_more is False
