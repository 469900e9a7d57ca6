"""On PostgreSQL a query a connection runs often is prepared once (DATABASE_PREPARED_STATEMENTS,
the values sent apart from the query): the database stops parsing and planning it on each
request. The switch is read strictly whatever the database."""

import pytest
from django.db import connection

from ebok.core.tests.test_settings_parse_strictly import start_django
from ebok.customers.models import Customer

SHOW = "from django.db import connection; print(connection.settings_dict['OPTIONS'])"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
@pytest.mark.django_db
def test_a_query_run_six_times_is_prepared():
    for _ in range(6):
        list(Customer.objects.filter(number="009999"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "customers_customer"' in statement for statement in prepared)


@pytest.mark.parametrize(
    ("value", "options"),
    [("", "{'server_side_binding': True, 'prepare_threshold': 5}"), ("off", "{}")],
)
def test_the_switch_turns_prepared_statements_on_and_off_on_postgresql(value, options):
    started = start_django(
        SHOW,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/ebok",
        DATABASE_PREPARED_STATEMENTS=value,
    )
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == options


def test_a_misspelt_switch_stops_the_start_up_on_sqlite_too():
    started = start_django(DATABASE_URL="sqlite:///:memory:", DATABASE_PREPARED_STATEMENTS="ja")
    assert started.returncode != 0
    assert "DATABASE_PREPARED_STATEMENTS must be one of" in started.stderr
