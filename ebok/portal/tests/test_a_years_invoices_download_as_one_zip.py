"""The PDFs of a year's invoices, or of the ones ticked on the list, as one streamed ZIP: the
stored originals as they are, generated copies where there is none, readable names; another
customer's invoices never."""

import io
import os
import tracemalloc
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from ebok.billing.models import Invoice
from ebok.testing import make_customer, make_history, pdf_text

pytestmark = pytest.mark.django_db

ORIGINAL = b"%PDF-1.4 the billing system's original of FV/2026/01/0001\n%%EOF\n"


def make_invoice(customer, number, issued_on, stored=None):
    invoice = Invoice.objects.create(
        customer=customer,
        number=number,
        issued_on=issued_on,
        due_on=issued_on.replace(day=28),
        net=Decimal("100.00"),
        vat=Decimal("8.00"),
        gross=Decimal("108.00"),
    )
    if stored is not None:
        invoice.pdf.save("original.pdf", ContentFile(stored))
    return invoice


@pytest.fixture
def invoices(customer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return [
        make_invoice(customer, "FV/2026/01/0001", date(2026, 1, 10), stored=ORIGINAL),
        make_invoice(customer, "FV/2026/03/0002", date(2026, 3, 10)),
        make_invoice(customer, "Nota ŁÓDŹ 7/2026", date(2026, 5, 10)),
        make_invoice(customer, "FV/2025/12/0009", date(2025, 12, 10), stored=ORIGINAL),
    ]


@pytest.fixture
def logged_in(client, account):
    client.force_login(account)
    return client


def downloaded(response) -> zipfile.ZipFile:
    assert response.status_code == 200
    assert response.streaming
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.testzip() is None  # every entry's checksum holds
    return archive


def test_a_year_gives_its_invoices_originals_and_copies(logged_in, invoices):
    response = logged_in.get(reverse("portal:invoices_zip"), {"year": "2026"})

    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="faktury-001234-2026.zip"'
    archive = downloaded(response)
    assert archive.namelist() == [
        "FV-2026-01-0001.pdf",  # stored: the original, as it is
        "kopia-FV-2026-03-0002.pdf",  # none stored: the copy, named as one
        "kopia-Nota-LODZ-7-2026.pdf",  # Polish letters and spaces made safe
    ]
    assert archive.read("FV-2026-01-0001.pdf") == ORIGINAL
    copy = pdf_text(archive.read("kopia-FV-2026-03-0002.pdf"))
    assert "FV/2026/03/0002" in copy
    assert "Kopia wygenerowana w e-BOK — nie jest oryginałem faktury" in copy
    assert "Węgrowski" in copy
    assert archive.getinfo("FV-2026-01-0001.pdf").date_time[:3] == (2026, 1, 10)


def test_ticked_invoices_only(logged_in, invoices):
    picked = [invoices[3].pk, invoices[1].pk]
    response = logged_in.get(reverse("portal:invoices_zip"), {"invoice": picked})

    assert response["Content-Disposition"] == 'attachment; filename="faktury-001234-wybrane.zip"'
    assert downloaded(response).namelist() == ["FV-2025-12-0009.pdf", "kopia-FV-2026-03-0002.pdf"]


def test_in_english_copies_are_named_copy(logged_in, invoices):
    logged_in.cookies["django_language"] = "en"
    response = logged_in.get(reverse("portal:invoices_zip"), {"invoice": [invoices[1].pk]})
    assert response["Content-Disposition"] == 'attachment; filename="invoices-001234-selected.zip"'
    assert downloaded(response).namelist() == ["copy-FV-2026-03-0002.pdf"]


def test_the_single_pdf_has_the_same_name_as_in_the_zip(logged_in, invoices):
    stored = logged_in.get(reverse("portal:invoice_pdf", args=[invoices[0].pk]))
    copy = logged_in.get(reverse("portal:invoice_pdf", args=[invoices[1].pk]))
    assert 'filename="FV-2026-01-0001.pdf"' in stored["Content-Disposition"]
    assert copy["Content-Disposition"] == 'inline; filename="kopia-FV-2026-03-0002.pdf"'


def test_nothing_chosen_leads_back_to_the_list_with_a_message(logged_in, invoices):
    response = logged_in.get(reverse("portal:invoices_zip"), follow=True)
    assert response.redirect_chain == [(reverse("portal:invoices"), 302)]
    assert "Zaznacz faktury do pobrania albo wybierz rok." in response.content.decode()


@pytest.mark.parametrize("year", ["2024", "20x6", "-1"])
def test_a_year_without_invoices_is_not_found(logged_in, invoices, year):
    assert logged_in.get(reverse("portal:invoices_zip"), {"year": year}).status_code == 404


def test_another_customers_invoice_among_the_ticked_is_not_found(logged_in, invoices, stranger):
    theirs = make_invoice(stranger, "FV/OBCA/2026/1", date(2026, 2, 2))
    for picked in [[theirs.pk], [invoices[0].pk, theirs.pk], ["abc"], [invoices[0].pk, "1x"]]:
        response = logged_in.get(reverse("portal:invoices_zip"), {"invoice": picked})
        assert response.status_code == 404, picked


def test_a_year_only_the_stranger_has_is_not_found(logged_in, invoices, stranger):
    make_invoice(stranger, "FV/OBCA/2019/1", date(2019, 2, 2))
    assert logged_in.get(reverse("portal:invoices_zip"), {"year": "2019"}).status_code == 404


def test_the_list_offers_the_years_and_a_tick_per_invoice(logged_in, invoices):
    page = logged_in.get(reverse("portal:invoices")).content.decode()
    assert f'action="{reverse("portal:invoices_zip")}"' in page
    for invoice in invoices:
        assert f'name="invoice" value="{invoice.pk}" id="pick-{invoice.pk}"' in page
        assert 'form="invoices-zip-picked"' in page
    assert '<option value="2025">2025</option>' in page
    assert "Pobierz zaznaczone faktury" in page


def _peak_memory_of_download(client) -> tuple[int, int]:
    """The download's size and the most memory Python held at once while it was streamed."""
    tracemalloc.start()
    try:
        response = client.get(reverse("portal:invoices_zip"), {"year": "2026"})
        size = sum(len(chunk) for chunk in response.streaming_content)
        return size, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_number_of_invoices(logged_in, customer, settings, tmp_path):
    """Stored PDFs of 256 kB each, as incompressible as real ones: 4 of them, then 40."""
    settings.MEDIA_ROOT = tmp_path
    stored = b"%PDF-1.4\n" + os.urandom(256 * 1024)
    make_invoice(customer, "FV/2026/WARM", date(2026, 1, 1), stored=stored)
    _peak_memory_of_download(logged_in)  # the first request also loads templates and code
    peaks = []
    for count in (4, 40):
        Invoice.objects.filter(customer=customer).delete()
        for n in range(count):
            make_invoice(customer, f"FV/2026/{n:04d}", date(2026, 1 + n % 10, 1), stored=stored)
        size, peak = _peak_memory_of_download(logged_in)
        assert size > count * len(stored)  # every PDF went in, not compressed away
        peaks.append(peak)
    assert peaks[1] < peaks[0] * 1.5, peaks  # ten times the invoices, not ten times the memory
    assert peaks[1] < 4 * len(stored), peaks  # a few chunks, never the whole ZIP


def test_queries_do_not_grow_one_per_invoice(logged_in, customer, django_assert_max_num_queries):
    make_history(customer, years=1, start_year=2026)  # 6 invoices without a stored PDF
    more = make_customer(number="000002")
    make_history(more, years=1, start_year=2026, serial="WM-002")
    with django_assert_max_num_queries(10):
        response = logged_in.get(reverse("portal:invoices_zip"), {"year": "2026"})
        assert len(downloaded(response).namelist()) == 6


def test_a_stored_file_the_storage_lost_is_replaced_by_the_copy(logged_in, invoices, caplog):
    invoices[0].pdf.storage.delete(invoices[0].pdf.name)

    archive = downloaded(logged_in.get(reverse("portal:invoices_zip"), {"year": "2026"}))
    single = logged_in.get(reverse("portal:invoice_pdf", args=[invoices[0].pk]))

    assert archive.namelist()[0] == "kopia-FV-2026-01-0001.pdf"
    assert "FV/2026/01/0001" in pdf_text(archive.read("kopia-FV-2026-01-0001.pdf"))
    assert single["Content-Disposition"] == 'inline; filename="kopia-FV-2026-01-0001.pdf"'
    assert "stored PDF invoices/" in caplog.text
