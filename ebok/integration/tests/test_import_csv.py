"""CSV files the Polish way: semicolons, decimal commas, DD.MM.YYYY, UTF-8 or Windows-1250."""

from datetime import date
from decimal import Decimal

import pytest

from ebok.billing.models import Invoice, Payment
from ebok.customers.models import Customer, Meter, Reading, ServicePoint
from ebok.integration.tests.importing import (
    CUSTOMERS_HEADER,
    customer_with_meter,
    import_data,
    write,
)

pytestmark = pytest.mark.django_db

CUSTOMERS = (
    f"{CUSTOMERS_HEADER}\n"
    "K-1;001234;Jan Węgrowski;07-100;Węgrów;ul. Wyszyńskiego 1;jan@example.pl\n"
    "K-2;000777;Zażółć Gęślą Jaźń Sp. z o.o.;00-950;Łódź;ul. Źródlana 5;\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1250"])
def test_customers_with_polish_letters_load_from_utf8_with_or_without_bom_and_cp1250(
    tmp_path, encoding
):
    outcome = import_data("customers", write(tmp_path, "klienci.csv", CUSTOMERS, encoding))
    assert outcome.exit_code == 0, outcome.err
    assert "2 created, 0 updated, 0 unchanged, 0 rejected" in outcome.out
    names = dict(Customer.objects.values_list("number", "name"))
    assert names == {"001234": "Jan Węgrowski", "000777": "Zażółć Gęślą Jaźń Sp. z o.o."}
    assert Customer.objects.get(number="000777").city == "Łódź"


def test_an_explicit_encoding_is_used_as_given(tmp_path):
    path = write(tmp_path, "klienci.csv", CUSTOMERS, "cp1250")
    assert import_data("customers", path, encoding="cp1250").exit_code == 0
    assert Customer.objects.filter(city="Łódź").exists()


def test_comma_separated_files_are_recognised_by_their_header(tmp_path):
    text = CUSTOMERS.replace(";", ",").replace("Sp. z o.o.", "SA")
    assert import_data("customers", write(tmp_path, "k.csv", text)).exit_code == 0
    assert Customer.objects.count() == 2


def test_readings_take_decimal_commas_and_polish_dates(tmp_path):
    customer_with_meter(tmp_path)
    readings = (
        "external_id;meter_external_id;read_on;value;source\n"
        "R-1;M-1;15.10.2026;123,450;reader\n"
        "R-2;M-1;2026-12-15;1 130,5;estimate\n"
    )
    outcome = import_data("readings", write(tmp_path, "odczyty.csv", readings))
    assert outcome.exit_code == 0, outcome.err
    rows = list(Reading.objects.order_by("read_on").values_list("read_on", "value", "source"))
    assert rows == [
        (date(2026, 10, 15), Decimal("123.450"), "reader"),
        (date(2026, 12, 15), Decimal("1130.500"), "estimate"),
    ]
    assert Meter.objects.get().installed_on == date(2015, 1, 1)


def test_service_points_take_tak_and_nie_for_booleans(tmp_path):
    customer_with_meter(tmp_path)
    points = (
        "external_id;customer_external_id;code;postal_code;city;street;water;sewage\n"
        "PP-2;K-1;P-2;07-100;Węgrów;ul. Długa 2;tak;nie\n"
    )
    assert import_data("service-points", write(tmp_path, "pp2.csv", points)).exit_code == 0
    point = ServicePoint.objects.get(external_id="PP-2")
    assert (point.water, point.sewage) == (True, False)


def test_an_invoice_is_one_row_per_charge_repeating_the_invoice_columns(tmp_path):
    customer_with_meter(tmp_path)
    invoices = (
        "external_id;customer_external_id;number;issued_on;due_on;net;vat;gross;"
        "charge_service_point_external_id;charge_description;charge_quantity;charge_unit;"
        "charge_unit_net_price;charge_vat_rate;charge_net;charge_vat;charge_gross\n"
        "F-1;K-1;FV/2026/11/1;01.11.2026;15.11.2026;150,00;12,00;162,00;"
        "PP-1;Woda;9,500;m³;10,5263;8;100,00;8,00;108,00\n"
        "F-1;K-1;FV/2026/11/1;01.11.2026;15.11.2026;150,00;12,00;162,00;"
        "PP-1;Ścieki;9,500;m³;5,2632;8;50,00;4,00;54,00\n"
        "F-2;K-1;FV/2026/12/1;01.12.2026;15.12.2026;0,00;0,00;0,00;;;;;;;;;\n"
    )
    outcome = import_data("invoices", write(tmp_path, "faktury.csv", invoices))
    assert outcome.exit_code == 0, outcome.err
    assert "2 created" in outcome.out
    invoice = Invoice.objects.get(external_id="F-1")
    assert invoice.gross == Decimal("162.00")
    lines = list(invoice.lines.order_by("id").values_list("description", "net"))
    assert lines == [("Woda", Decimal("100.00")), ("Ścieki", Decimal("50.00"))]
    assert not Invoice.objects.get(external_id="F-2").lines.exists()


def test_payments_load_and_a_rerun_reports_them_unchanged(tmp_path):
    customer_with_meter(tmp_path)
    payments = (
        "external_id;customer_external_id;paid_on;amount;title;method\n"
        "W-1;K-1;10.11.2026;40,00;Woda i ścieki, klient 001234;transfer\n"
        "W-2;K-1;2026-11-20;-5,50;Korekta;other\n"
    )
    path = write(tmp_path, "wplaty.csv", payments)
    assert "2 created" in import_data("payments", path).out
    assert sorted(Payment.objects.values_list("amount", flat=True)) == [
        Decimal("-5.50"),
        Decimal("40.00"),
    ]
    again = import_data("payments", path)
    assert "0 created, 0 updated, 2 unchanged, 0 rejected" in again.out
