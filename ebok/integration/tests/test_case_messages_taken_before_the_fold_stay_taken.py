"""Case messages are pulled like readings and changes: an export row per message taken. The
migration that moved them there turns every message acknowledged before into such a row, so
the billing system is not handed it again."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from ebok.integration.models import CaseMessageExport
from ebok.integration.services import pull

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("cases", "0003_message_acknowledged_at"), ("integration", "0002_account_change_export")]
TAKEN_AT = dt.datetime(2026, 11, 20, 8, 30, tzinfo=dt.UTC)


def test_messages_acknowledged_before_the_migration_are_not_handed_out_again():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Customer = old.get_model("customers", "Customer")
    CaseType = old.get_model("cases", "CaseType")
    Case = old.get_model("cases", "Case")
    Message = old.get_model("cases", "Message")
    customer = Customer.objects.create(number="001234", name="Jan Węgrowski")
    case = Case.objects.create(
        number="BOK/2026/000001",
        customer=customer,
        # Made here: a transactional test before this one may have emptied the seeded types.
        type=CaseType.objects.get_or_create(
            code="question", defaults={"name_pl": "Pytanie", "name_en": "Question"}
        )[0],
        subject="Pytanie",
        due_on=dt.date(2026, 12, 20),
        idempotency_key="5b0c1c7e-8f1e-4f55-9d3a-0d8c1a0b6f10",
    )
    taken = Message.objects.create(case=case, body="Pytanie", acknowledged_at=TAKEN_AT)
    waiting = Message.objects.create(case=case, body="Dopisuję jeszcze")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    rows, has_more = pull.pending_case_messages(after=0, limit=10)
    assert [message.id for message in rows] == [waiting.id]
    assert not has_more
    assert CaseMessageExport.objects.get(message_id=taken.id).acknowledged_at == TAKEN_AT
    assert pull.acknowledge_case_messages([taken.id, waiting.id]) == (1, 1, [])
