"""JSON Lines: one API record per line, invoices with their charges nested as in the API."""

import json
from decimal import Decimal

import pytest

from ebok.billing.models import Invoice
from ebok.customers.models import Customer, Meter, Reading, ServicePoint
from ebok.integration.tests import payloads
from ebok.integration.tests.importing import import_data, write

pytestmark = pytest.mark.django_db


def jsonl(*records) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def test_every_kind_loads_from_json_lines_in_the_api_shape(tmp_path):
    batch = payloads.everything()
    for kind, section in [
        ("customers", "customers"),
        ("service-points", "service_points"),
        ("meters", "meters"),
        ("readings", "readings"),
        ("invoices", "invoices"),
        ("payments", "payments"),
    ]:
        path = write(tmp_path, f"{kind}.jsonl", jsonl(*batch[section]))
        outcome = import_data(kind, path)
        assert outcome.exit_code == 0, outcome.err
        assert f"{len(batch[section])} created" in outcome.out
    assert [m.objects.count() for m in (Customer, ServicePoint, Meter, Reading)] == [1, 1, 1, 1]
    assert Invoice.objects.get().lines.count() == len(batch["invoices"][0]["charges"])


def test_the_format_may_be_given_for_another_extension_and_blank_lines_are_skipped(tmp_path):
    text = "\n" + jsonl(payloads.customer()) + "\n\n" + jsonl(payloads.customer("K-2", "000002"))
    path = write(tmp_path, "export.txt", text)
    outcome = import_data("customers", path, format="jsonl")
    assert outcome.exit_code == 0, outcome.err
    assert Customer.objects.count() == 2


def test_numbers_may_be_json_numbers_or_strings(tmp_path):
    write(tmp_path, "k.jsonl", jsonl(payloads.customer()))
    write(tmp_path, "pp.jsonl", jsonl(payloads.service_point()))
    write(tmp_path, "m.jsonl", jsonl(payloads.meter()))
    for kind, name in [("customers", "k"), ("service-points", "pp"), ("meters", "m")]:
        assert import_data(kind, tmp_path / f"{name}.jsonl").exit_code == 0
    readings = jsonl(
        {"external_id": "R-1", "meter_external_id": "M-1", "read_on": "2026-10-15",
         "value": 12.5, "source": "reader"},
        {"external_id": "R-2", "meter_external_id": "M-1", "read_on": "2026-11-15",
         "value": "13.250", "source": "reader"},
    )  # fmt: skip
    assert import_data("readings", write(tmp_path, "r.jsonl", readings)).exit_code == 0
    assert sorted(Reading.objects.values_list("value", flat=True)) == [
        Decimal("12.500"),
        Decimal("13.250"),
    ]
