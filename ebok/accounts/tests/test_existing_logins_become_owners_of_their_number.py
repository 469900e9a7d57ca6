"""The migration to memberships: a database made by the previous schema, migrated forward, has
every customer login owning its number (and staff owning none)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("accounts", "0005_user_password_changed_at")]
AFTER = [("accounts", "0007_owner_memberships")]


def test_every_customer_login_owns_its_number_after_the_migration():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Customer = old.get_model("customers", "Customer")
    User = old.get_model("accounts", "User")
    jan = Customer.objects.create(number="001234", name="Jan Węgrowski")
    ewa = Customer.objects.create(number="009999", name="Ewa Obca")
    User.objects.create(username="001234", customer=jan, password="!")
    User.objects.create(username="009999", customer=ewa, password="!")
    User.objects.create(username="kasia", is_staff=True, password="!")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Membership = new.get_model("accounts", "Membership")
    rows = sorted(Membership.objects.values_list("user__username", "customer__number", "role"))
    assert rows == [("001234", "001234", "owner"), ("009999", "009999", "owner")]

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
