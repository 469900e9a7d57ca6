"""The account statement as a PDF (read back as a reader copies its text) and as a CSV file
that a Polish spreadsheet opens as it is."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from ebok.billing.models import Payment
from ebok.billing.tests.test_invoice_pdf import info_of
from ebok.billing.tests.test_the_statement_agrees_with_the_tabs import make_year_of_money
from ebok.testing import make_account, make_customer, make_history, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

NAME = "Żaneta Łęcka-Ćwik"
PERIOD = {"start": "2026-01-01", "end": "2026-11-25"}


@pytest.fixture
def logged_in(client):
    customer = make_customer(name=NAME, street="ul. Źródlana 5")
    make_year_of_money(customer)
    client.force_login(make_account(customer))
    return client


def download(client, kind, language="pl", **period):
    client.cookies["django_language"] = language
    return client.get(reverse("portal:statement"), {**(period or PERIOD), "format": kind})


def test_pdf_shows_the_period_the_customer_every_entry_and_the_balances(logged_in, tmp_path):
    # Amounts are read with plain spaces: a reader copies the PDF's no-break spaces as spaces.
    response = download(logged_in, "pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="zestawienie-001234-2026-01-01-2026-11-25.pdf"'
    )
    text = pdf_text(response.content)
    for expected in [
        "Zestawienie rozliczeń",
        "Okres: 2026-01-01 \N{EN DASH} 2026-11-25",
        NAME,
        "ul. Źródlana 5",
        "Numer klienta: 001234",
        "Saldo początkowe na 2026-01-01",
        "50,00 zł",
        "Obciążenia w okresie",
        "1 457,89 zł",
        "Wpłaty i uznania w okresie",
        "1 409,12 zł",
        "Saldo końcowe na 2026-11-25",
        "98,77 zł",
        "FV/2026/01/0042",
        "faktura korygująca",
        "nota odsetkowa",
        "Przelew za styczeń",
        "wpłata",
        "-34,56 zł",  # the running balance, overpaid for a while
        "Saldo dodatnie to należność do zapłaty, ujemne — nadpłata.",
        "Strona 1 z 1",
    ]:
        assert expected in text, expected
    assert "FV/2025/11/0007" not in text  # before the period: in the opening balance only

    path = tmp_path / "statement.pdf"
    path.write_bytes(response.content)
    info = info_of(path)
    assert info["Title"] == "Zestawienie rozliczeń 001234"
    fonts = info["Fonts"]
    assert len(fonts) == 2, fonts  # Lato and Lato Bold (subsets), embedded, and nothing else
    assert all("Lato" in name for name in fonts), fonts
    assert set(fonts.values()) == {True}, fonts


def test_pdf_in_english(logged_in):
    text = pdf_text(download(logged_in, "pdf", language="en").content)
    assert "Account statement" in text
    assert "Closing balance on 2026-11-25" in text
    assert "1,457.89 zł" in text
    assert "corrective invoice" in text
    assert "Zestawienie" not in text


def test_a_long_statement_repeats_the_headings_and_numbers_its_pages(client):
    customer = make_customer()
    make_history(customer, years=10)  # 60 invoices and 60 payments in 2016-2025
    client.force_login(make_account(customer))

    response = download(client, "pdf", start="2016-01-01", end="2025-12-31")

    text = pdf_text(response.content)
    pages = text.count("\f")
    assert pages >= 3
    for page in range(1, pages + 1):
        page_text = pdf_text(response.content, pages=[page])
        assert f"Strona {page} z {pages}" in page_text
        assert "Obciążenie" in page_text  # the table's headings on every page
    assert "Saldo końcowe na 2025-12-31" in text
    assert text.count("FV/001234/") == 60


def test_csv_opens_in_a_polish_spreadsheet(logged_in):
    response = download(logged_in, "csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="zestawienie-001234-2026-01-01-2026-11-25.csv"'
    )
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")  # so that Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(content[1:]), delimiter=";"))
    assert rows[:4] == [
        ["Saldo początkowe na 2026-01-01", "50,00"],
        ["Obciążenia w okresie", "1457,89"],
        ["Wpłaty i uznania w okresie", "1409,12"],
        ["Saldo końcowe na 2026-11-25", "98,77"],
    ]
    assert rows[5] == ["Data", "Rodzaj", "Dokument", "Obciążenie", "Uznanie", "Saldo"]
    assert rows[6] == ["2026-01-15", "faktura", "FV/2026/01/0042", "1234,56", "", "1284,56"]
    assert rows[8] == ["2026-03-15", "faktura korygująca", "FK/2026/03/0001", "", "34,56", "15,44"]
    assert rows[9] == ["2026-03-15", "wpłata", "Wpłata w kasie", "", "50,00", "-34,56"]
    assert rows[-1] == ["2026-10-01", "wpłata", "przelew", "", "90,00", "98,77"]
    assert len(rows) == 6 + 7


def test_csv_in_english_uses_commas_and_points(logged_in):
    content = download(logged_in, "csv", language="en").content.decode("utf-8")
    rows = list(csv.reader(io.StringIO(content[1:])))
    assert rows[1] == ["Charges in the period", "1457.89"]
    assert rows[6] == ["2026-01-15", "invoice", "FV/2026/01/0042", "1234.56", "", "1284.56"]


def test_csv_keeps_a_title_that_looks_like_a_formula_as_text(logged_in):
    customer = Payment.objects.first().customer
    title = '=HYPERLINK("http://example.com/","Kliknij")'
    Payment.objects.create(
        customer=customer, paid_on=date(2026, 11, 2), amount=Decimal("1.00"), title=title
    )

    content = download(logged_in, "csv").content.decode("utf-8")
    rows = list(csv.reader(io.StringIO(content[1:]), delimiter=";"))
    assert rows[-1] == ["2026-11-02", "wpłata", "'" + title, "", "1,00", "97,77"]
