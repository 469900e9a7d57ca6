from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from ebok.billing.models import Invoice, Payment
from ebok.content.models import Announcement, Document
from ebok.customers.models import Reading
from ebok.testing import TODAY, make_history, pdf_text

# What is due, and what is published, is counted from today: the one clock's.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


@pytest.fixture
def history(account, settings):
    """Two years of paid invoices, then one unpaid invoice of which 60,00 zł is left."""
    settings.PAYMENT_BANK_CODE = "10204027"
    customer = account.customer
    _point, meter = make_history(customer, years=2, start_year=2024)
    unpaid = Invoice.objects.create(
        customer=customer,
        number="FV/2026/11/000123",
        issued_on=date(2026, 11, 1),
        due_on=date(2026, 11, 15),
        net=Decimal("92.59"),
        vat=Decimal("7.41"),
        gross=Decimal("100.00"),
    )
    Payment.objects.create(customer=customer, paid_on=date(2026, 11, 10), amount=Decimal("40.00"))
    return customer, meter, unpaid


@pytest.fixture
def logged_in(client, account):
    client.force_login(account)
    return client


def test_information_tab_has_the_seeds_fields_in_order(logged_in, history):
    page = logged_in.get(reverse("portal:info")).content.decode()
    labels = [
        "Kod klienta",
        "Imię i nazwisko / Nazwa",
        "Adres",
        "Data ostatniego odczytu",
        "Rachunek do rozliczeń",
        "Należności",
    ]
    positions = [page.index(label) for label in labels]
    assert positions == sorted(positions)
    assert "2025-11-15" in page  # the last reading
    assert "67 1020 4027 0000 0000 0000 1234" in page
    assert "60,00\xa0zł" in page


def test_information_tab_shows_published_announcements_only(logged_in, history):
    Announcement.objects.create(title="Nowe stawki referencyjne", date=date(2012, 1, 1))
    Announcement.objects.create(
        title="Jeszcze nie",
        date=TODAY,
        published_from=datetime(2026, 11, 28, tzinfo=UTC),
    )
    page = logged_in.get(reverse("portal:info")).content.decode()
    assert "Informacje dla klienta" in page
    assert "2012-01-01" in page
    assert "Nowe stawki referencyjne" in page
    assert "Jeszcze nie" not in page


def test_invoices_are_listed_newest_first_with_what_is_left(logged_in, history):
    page = logged_in.get(reverse("portal:invoices")).content.decode()
    assert page.index("FV/2026/11/000123") < page.index("FV/001234/2025/11")
    assert "60,00\xa0zł" in page
    assert "po terminie" in page  # due 2026-11-15, today is later
    assert "zapłacona" in page


def test_invoices_can_be_filtered_by_year(logged_in, history):
    page = logged_in.get(reverse("portal:invoices") + "?year=2024").content.decode()
    assert "FV/001234/2024/01" in page
    assert "FV/001234/2025/01" not in page
    assert '<option value="2024" selected>' in page


def test_invoice_page_shows_its_charges(logged_in, history):
    customer, _meter, _unpaid = history
    invoice = customer.invoices.get(number="FV/001234/2025/03")
    page = logged_in.get(reverse("portal:invoice", args=[invoice.pk])).content.decode()
    for text in ["Woda", "9,500 m³", "108,00\xa0zł", "zapłacona"]:
        assert text in page, text


def test_invoice_pdf_is_a_generated_copy_when_none_was_stored(logged_in, history):
    _customer, _meter, unpaid = history
    response = logged_in.get(reverse("portal:invoice_pdf", args=[unpaid.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "FV/2026/11/000123" in text
    assert "Jan Węgrowski" in text


def test_invoice_pdf_is_the_stored_one_when_there_is_one(logged_in, history, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _customer, _meter, unpaid = history
    unpaid.pdf.save("fv.pdf", ContentFile(b"%PDF-1.4 original from billing"))
    response = logged_in.get(reverse("portal:invoice_pdf", args=[unpaid.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 original from billing"


def test_payments_show_the_balance_and_how_to_pay(logged_in, history):
    page = logged_in.get(reverse("portal:payments")).content.decode()
    assert "60,00\xa0zł" in page
    assert "67 1020 4027 0000 0000 0000 1234" in page
    assert "Woda i ścieki, klient 001234" in page
    assert "<svg" in page
    assert "40,00\xa0zł" in page  # the latest payment


def test_payments_without_a_debt_offer_no_transfer(logged_in, history):
    customer, _meter, _unpaid = history
    Payment.objects.create(customer=customer, paid_on=TODAY, amount=Decimal("70.00"))
    page = logged_in.get(reverse("portal:payments")).content.decode()
    assert "<svg" not in page
    assert "10,00\xa0zł" in page  # the overpayment


def test_meters_show_points_meters_and_the_last_reading(logged_in, history):
    page = logged_in.get(reverse("portal:meters")).content.decode()
    for text in ["07-100 Węgrów, ul. Wyszyńskiego 1", "WM-001", "2025-11-15", "214,000"]:
        assert text in page, text


def test_meter_history_shows_consumption_per_period(logged_in, history):
    _customer, meter, _unpaid = history
    page = logged_in.get(reverse("portal:meter", args=[meter.pk])).content.decode()
    assert "Zużycie (m³)" in page
    assert "9,500" in page
    assert "Strona 1 z 1" not in page  # twelve readings fit on one page
    Reading.objects.create(meter=meter, read_on=date(2026, 1, 15), value=Decimal("220.250"))
    second = logged_in.get(reverse("portal:meter", args=[meter.pk]) + "?page=2").content.decode()
    assert "Strona 2 z 2" in second


def test_documents_list_own_and_general_ones_and_download(logged_in, history, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    customer, _meter, _unpaid = history
    general = Document.objects.create(title="Regulamin e-BOK", date=date(2026, 1, 1), kind="terms")
    general.file.save("regulamin.pdf", ContentFile(b"%PDF-1.4 terms"))
    own = Document.objects.create(
        customer=customer, title="Umowa", date=date(2026, 2, 1), kind="contract"
    )
    own.file.save("umowa.pdf", ContentFile(b"%PDF-1.4 contract"))
    page = logged_in.get(reverse("portal:documents")).content.decode()
    assert page.index("Umowa") < page.index("Regulamin e-BOK")
    response = logged_in.get(reverse("portal:document", args=[general.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 terms"
    assert 'filename="regulamin-e-bok.pdf"' in response["Content-Disposition"]


def test_overview_shows_amount_due_next_due_date_latest_invoice_and_reading(logged_in, history):
    page = logged_in.get(reverse("portal:overview")).content.decode()
    for text in ["60,00\xa0zł", "2026-11-15", "FV/2026/11/000123", "214,000 m³"]:
        assert text in page, text


def test_invoice_page_is_current_under_the_invoices_tab(logged_in, history):
    _customer, _meter, unpaid = history
    page = logged_in.get(reverse("portal:invoice", args=[unpaid.pk])).content.decode()
    assert f'<a href="{reverse("portal:invoices")}" aria-current="page">' in page
