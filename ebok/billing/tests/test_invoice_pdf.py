"""The generated copy of an invoice, read back as a PDF reader reads it."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

from ebok.billing.accounts import format_nrb, payment_account
from ebok.billing.models import Invoice, InvoiceLine
from ebok.billing.pdf import render_invoice_pdf
from ebok.testing import make_customer, pdf_text

pytestmark = pytest.mark.django_db

NUMBER = "FV/2026/01/0042"
NAME = "Żaneta Łęcka-Ćwik"
WATER = "Woda — zużycie, Węgrów, ul. Źródlana"
SEWAGE = "Ścieki — odprowadzenie, Węgrów, ul. Źródlana"
MARKING_PL = "Kopia wygenerowana w e-BOK — nie jest oryginałem faktury"
MARKING_EN = "Copy generated in e-BOK — not the original invoice"
MM = 72 / 25.4  # points per millimetre


def make_invoice(customer, number=NUMBER, repeat=1):
    """An invoice for January with a water and a sewage charge, `repeat` times each."""
    charges = [
        (WATER, Decimal("212.5"), Decimal("5.43"), Decimal("1153.88"), Decimal("92.31")),
        (SEWAGE, Decimal("212.5"), Decimal("9.87"), Decimal("2097.38"), Decimal("167.79")),
    ] * repeat
    net = sum(charge[3] for charge in charges)
    vat = sum(charge[4] for charge in charges)
    invoice = Invoice.objects.create(
        customer=customer,
        number=number,
        issued_on=date(2026, 2, 3),
        period_start=date(2026, 1, 1),
        period_end=date(2026, 1, 31),
        due_on=date(2026, 2, 17),
        net=net,
        vat=vat,
        gross=net + vat,
    )
    for description, quantity, price, line_net, line_vat in charges:
        InvoiceLine.objects.create(
            invoice=invoice,
            description=description,
            period_start=date(2026, 1, 1),
            period_end=date(2026, 1, 31),
            quantity=quantity,
            unit="m³",
            unit_net_price=price,
            vat_rate=Decimal("8"),
            net=line_net,
            vat=line_vat,
            gross=line_net + line_vat,
        )
    return invoice


def written(tmp_path, invoice, language="pl"):
    with translation.override(language):
        content = render_invoice_pdf(invoice)
    path = tmp_path / "invoice.pdf"
    path.write_bytes(content)
    return path


def info_of(path) -> dict:
    """What a PDF viewer's document properties show: the metadata, pages and fonts."""
    with open(path, "rb") as file:
        document = PDFDocument(PDFParser(file))
        [metadata] = document.info
        pages = list(PDFPage.create_pages(document))
        fonts = {}
        for page in pages:
            for font in resolve1(page.resources["Font"]).values():
                font = resolve1(font)
                descriptor = resolve1(font.get("FontDescriptor", {}))
                embedded = any(f"FontFile{n}" in descriptor for n in ("", "2", "3"))
                fonts[font["BaseFont"].name] = embedded
    values = {key: resolve1(value) for key, value in metadata.items()}
    return {
        **{key: decode_text(value) for key, value in values.items() if isinstance(value, bytes)},
        "Pages": len(pages),
        "Page size in mm": [round(side / MM) for side in pages[0].mediabox[2:]],
        "Fonts": fonts,
    }


def test_copy_shows_the_invoice_the_customer_and_the_total_in_polish(tmp_path, settings):
    settings.PAYMENT_BANK_CODE = "10204027"
    customer = make_customer(name=NAME)
    invoice = make_invoice(customer)

    text = pdf_text(written(tmp_path, invoice))

    for expected in [
        "Faktura",
        NUMBER,
        "2026-02-03",  # issued
        "2026-01-01 \N{EN DASH} 2026-01-31",  # billing period
        "2026-02-17",  # due
        NAME,
        "ul. Wyszyńskiego 1",
        "07-100 Węgrów",
        "001234",
        "Woda — zużycie",
        "Źródlana",
        "3 511,36 zł",  # the gross total
        MARKING_PL,
        format_nrb(payment_account(customer)),
        f"001234, {NUMBER}",  # the transfer title
        settings.UTILITY_NAME,
    ]:
        assert expected in text, expected


def test_copy_leaves_out_the_account_when_there_is_none(tmp_path, settings):
    settings.PAYMENT_BANK_CODE = ""
    invoice = make_invoice(make_customer())

    text = pdf_text(written(tmp_path, invoice))

    assert "Rachunek do rozliczeń" not in text
    assert f"001234, {NUMBER}" in text


def test_long_invoice_runs_over_several_pages_each_marked_as_a_copy(tmp_path):
    invoice = make_invoice(make_customer(), repeat=60)
    assert invoice.lines.count() == 120

    path = written(tmp_path, invoice)

    pages = info_of(path)["Pages"]
    assert pages >= 3
    texts = [pdf_text(path, pages=[page]) for page in range(1, pages + 1)]
    for page, text in enumerate(texts, start=1):
        assert MARKING_PL in text, page
        assert f"Strona {page} z {pages}" in text, page
        if "Woda — zużycie" in text:
            assert "Opis" in text, page  # the table's headings are repeated on every page
    assert all("Woda — zużycie" in text for text in texts[:-1])
    assert "Razem brutto" in texts[-1]
    assert "210 681,60 zł" in texts[-1]


def test_copy_in_english_is_titled_invoice(tmp_path):
    invoice = make_invoice(make_customer())

    path = written(tmp_path, invoice, language="en")
    text = pdf_text(path)

    assert "Invoice" in text
    assert "Faktura" not in text
    assert MARKING_EN in text
    assert "3,511.36 zł" in text
    assert info_of(path)["Title"] == f"Invoice {NUMBER}"


def test_corrective_invoice_and_interest_note_are_titled_by_kind(tmp_path):
    customer = make_customer()
    correction = make_invoice(customer, number="FK/2026/0001")
    correction.kind = Invoice.Kind.CORRECTION
    note = make_invoice(customer, number="NO/2026/0001")
    note.kind = Invoice.Kind.INTEREST_NOTE

    assert "Faktura korygująca" in pdf_text(written(tmp_path, correction))
    assert "Nota odsetkowa" in pdf_text(written(tmp_path, note))


def test_metadata_names_the_document_and_the_utility(tmp_path, settings):
    path = written(tmp_path, make_invoice(make_customer()))

    info = info_of(path)

    assert info["Title"] == f"Faktura {NUMBER}"
    assert info["Author"] == settings.UTILITY_NAME
    assert info["Page size in mm"] == [210, 297]  # A4


def test_lato_fonts_are_embedded(tmp_path):
    path = written(tmp_path, make_invoice(make_customer()))

    fonts = info_of(path)["Fonts"]

    assert len(fonts) == 2, fonts  # Lato and Lato Bold, and no other
    assert all("Lato" in name for name in fonts), fonts
    assert set(fonts.values()) == {True}, fonts  # embedded
