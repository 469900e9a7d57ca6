"""Bad records are reported with file, line and field, and skipped; the rest still loads."""

import pytest

from ebok.customers.models import Customer, Reading
from ebok.integration.tests.importing import (
    CUSTOMERS_HEADER,
    customer_with_meter,
    import_data,
    write,
)

pytestmark = pytest.mark.django_db

READINGS_HEADER = "external_id;meter_external_id;read_on;value;source"


def test_a_bad_row_is_reported_with_file_line_and_field_and_the_others_load(tmp_path):
    customers = (
        f"{CUSTOMERS_HEADER}\n"
        "K-1;001234;Jan Węgrowski;07-100;Węgrów;ul. Wyszyńskiego 1;\n"
        "K-2;00-12;Anna Nowak;07-100;Węgrów;ul. Długa 2;\n"
        "K-3;000003;Ewa Kos;07-100;Węgrów;ul. Krótka 3;nie-adres\n"
        "K-4;000004;Piotr Lis;07-100;Węgrów;ul. Polna 4;\n"
    )
    path = write(tmp_path, "klienci.csv", customers)
    outcome = import_data("customers", path)
    assert outcome.exit_code == 1
    assert outcome.errors == [
        f"error: {path}:3: number: String should match pattern '^[0-9]{{1,20}}$'",
        f"error: {path}:4: email: Not a valid e-mail address.",
    ]
    assert "2 created, 0 updated, 0 unchanged, 2 rejected" in outcome.out
    assert "2 records rejected" in outcome.err
    assert sorted(Customer.objects.values_list("external_id", flat=True)) == ["K-1", "K-4"]


def test_rows_rejected_against_the_database_leave_the_rest_of_their_batch_to_load(tmp_path):
    customer_with_meter(tmp_path)
    readings = (
        f"{READINGS_HEADER}\n"
        "R-1;M-1;2026-10-15;100,000;reader\n"
        "R-2;M-404;2026-10-15;100,000;reader\n"
        "R-3;M-1;2026-11-15;110,000;reader\n"
        "R-1;M-1;2026-12-15;120,000;reader\n"
        "R-5;M-1;2026-12-15;abc;reader\n"
    )
    path = write(tmp_path, "odczyty.csv", readings)
    outcome = import_data("readings", path, batch_size=10)
    assert outcome.exit_code == 1
    assert outcome.errors == [
        f"error: {path}:6: value: Input should be a valid decimal",
        f"error: {path}:3: meter_external_id: No meter with external_id 'M-404', neither in "
        "eBOK nor earlier in this batch.",
        f"error: {path}:5: external_id: The same external_id is given on line 2.",
    ]
    assert sorted(Reading.objects.values_list("external_id", flat=True)) == ["R-1", "R-3"]


def test_a_charge_error_names_the_line_and_column_of_the_charge(tmp_path):
    customer_with_meter(tmp_path)
    invoices = (
        "external_id;customer_external_id;number;issued_on;due_on;net;vat;gross;"
        "charge_description;charge_quantity;charge_unit;charge_unit_net_price;charge_vat_rate;"
        "charge_net;charge_vat;charge_gross;charge_service_point_external_id\n"
        "F-1;K-1;FV/1;2026-11-01;2026-11-15;100,00;8,00;108,00;Woda;1;m³;100;8;100;8;108;PP-1\n"
        "F-1;K-1;FV/1;2026-11-01;2026-11-15;100,00;8,00;108,00;Opłata;1;szt;0;8;0;0;0;PP-9\n"
        "F-2;K-1;FV/2;2026-11-01;2026-11-15;10,00;0,80;10,80;Woda;1;m³;10;8;10;0,8;1O,80;\n"
    )
    path = write(tmp_path, "faktury.csv", invoices)
    outcome = import_data("invoices", path)
    assert outcome.errors == [
        f"error: {path}:4: charge_gross: Input should be a valid decimal",
        f"error: {path}:3: charge_service_point_external_id: No service point with external_id "
        "'PP-9', neither in eBOK nor earlier in this batch.",
    ]
    assert "0 created, 0 updated, 0 unchanged, 2 rejected" in outcome.out


def test_bad_json_lines_are_reported_with_their_line(tmp_path):
    text = (
        '{"external_id": "K-1", "number": "001234", "name": "Jan", "postal_code": "07-100", '
        '"city": "Węgrów", "street": "ul. Wyszyńskiego 1"}\n'
        "{not json\n"
        '["a list"]\n'
        '{"external_id": "K-2", "number": "000002", "name": "Ewa", "postal_code": "07-100", '
        '"city": "Węgrów", "street": "ul. Długa 2", "colour": "blue"}\n'
    )
    path = write(tmp_path, "k.jsonl", text)
    outcome = import_data("customers", path)
    assert outcome.errors == [
        f"error: {path}:2: -: Not JSON: Expecting property name enclosed in double quotes.",
        f"error: {path}:3: -: Each line must be one JSON object.",
        f"error: {path}:4: colour: Extra inputs are not permitted",
    ]
    assert list(Customer.objects.values_list("external_id", flat=True)) == ["K-1"]


def test_an_unknown_column_stops_the_file_before_any_row(tmp_path):
    path = write(tmp_path, "k.csv", f"{CUSTOMERS_HEADER};kolor\nK-1;1;J;0;W;S;;x\n")
    outcome = import_data("customers", path)
    assert outcome.exit_code == 1
    assert outcome.errors[0].startswith(f"error: {path}:1: kolor: Unknown column 'kolor'")
    assert "1 files not read" in outcome.err
    assert not Customer.objects.exists()


def test_a_row_with_the_wrong_number_of_cells_is_rejected(tmp_path):
    text = f"{CUSTOMERS_HEADER}\nK-1;001234;Jan;07-100;Węgrów\n"
    outcome = import_data("customers", write(tmp_path, "k.csv", text))
    assert outcome.errors == [
        f"error: {tmp_path / 'k.csv'}:2: -: 5 columns where the header has 7."
    ]


def test_dry_run_reports_the_same_and_writes_nothing(tmp_path):
    customers = (
        f"{CUSTOMERS_HEADER}\n"
        "K-1;001234;Jan Węgrowski;07-100;Węgrów;ul. Wyszyńskiego 1;\n"
        "K-2;x;Anna;07-100;Węgrów;ul. Długa 2;\n"
    )
    points = (
        "external_id;customer_external_id;code;postal_code;city;street\n"
        "PP-1;K-1;P-1;07-100;Węgrów;ul. Wyszyńskiego 1\n"
    )
    outcome = import_data("customers", write(tmp_path, "k.csv", customers), dry_run=True)
    assert outcome.exit_code == 1
    assert outcome.out.startswith("Dry run, nothing written: 2 records read: 1 created")
    assert len(outcome.errors) == 1
    assert not Customer.objects.exists()
    dry_points = import_data("service-points", write(tmp_path, "pp.csv", points), dry_run=True)
    assert "1 rejected" in dry_points.out  # K-1 was not written
