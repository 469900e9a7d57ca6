import pytest
from django.db import connection

from ebok.customers.models import Customer

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's indexes"),
]


def plan_for(queryset) -> str:
    sql, params = queryset.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        # On a small test table reading everything is cheaper; forbid whole-table and whole-index
        # reads to see whether an index can serve the condition itself.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("field", ["name", "street", "city"])
def test_searching_part_of_a_name_or_address_can_use_a_trigram_index(field):
    plan = plan_for(Customer.objects.filter(**{f"{field}__icontains": "węgr"}))
    assert f"customers_customer_{field}_trgm" in plan


def test_searching_the_start_of_a_number_or_email_can_use_an_index():
    assert "customers_customer_number_prefix" in plan_for(
        Customer.objects.filter(number__startswith="0012")
    )
    assert "customers_customer_email_prefix" in plan_for(
        Customer.objects.filter(email__istartswith="jan.w")
    )
