"""The client panel filled with a customer's history, walked in a real browser.

One customer with two years of paid invoices and readings, an unpaid invoice with three charges,
an announcement, and two documents (one for everybody, one of their own) stored as real PDF
files. The customer logs in through the form and clicks through the six tabs; every value shown
is compared with what the database says, downloads are saved and read back, and axe-core checks
each page in both languages at a phone's and a desktop's width.
"""

import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db.models import Max
from django.utils import translation
from playwright.sync_api import expect
from reportlab.pdfgen.canvas import Canvas

from ebok.billing.accounts import format_nrb, payment_account
from ebok.billing.balance import balance
from ebok.billing.formatting import money
from ebok.billing.models import Invoice, InvoiceLine, Payment
from ebok.content.models import Announcement, Document
from ebok.customers.models import Reading
from ebok.testing import (
    PASSWORD,
    VIEWPORTS,
    assert_accessible,
    make_account,
    make_customer,
    make_history,
    panel_tabs,
    pdf_text,
)

pytestmark = pytest.mark.django_db(transaction=True)

NUMBER = "001234"
UNPAID_NUMBER = "FV/2026/11/000123"
CORRECTION_NUMBER = "KOR/2026/03/000007"
TABS = {
    "pl": [
        "Informacje",
        "Faktury/naliczenia",
        "Płatności",
        "Punkty/liczniki",
        "Dokumenty",
        "Sprawy",
        "Strona główna",
    ],
    "en": [
        "Information",
        "Invoices/charges",
        "Payments",
        "Points/meters",
        "Documents",
        "Cases",
        "Home page",
    ],
}
TEXTS = {
    "pl": {
        "panel": "Panel Klienta",
        "invoice": "Faktura",
        "meter": "Licznik",
        "form": "Podaj odczyt",
    },
    "en": {
        "panel": "Client panel",
        "invoice": "Invoice",
        "meter": "Meter",
        "form": "Submit a reading",
    },
}
ENGLISH_BUTTON = "English"  # the footer's button, named in English in either language

every_language_and_width = pytest.mark.parametrize(
    ("language", "viewport"),
    [(language, viewport) for language in TEXTS for viewport in VIEWPORTS],
)


def small_pdf(text: str) -> bytes:
    """A real one-page PDF with the text on it."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, text)
    canvas.save()
    return buffer.getvalue()


@dataclass
class History:
    customer: object
    meter: object
    unpaid: Invoice
    terms: Document
    contract: Document


@pytest.fixture
def history(settings, tmp_path):
    """Two paid years (2024-2025), then in 2026 a correction, a reading and an unpaid invoice;
    an announcement and two documents."""
    settings.PAYMENT_BANK_CODE = "10204027"
    settings.MEDIA_ROOT = tmp_path / "media"
    customer = make_customer()
    make_account(customer)
    _point, meter = make_history(customer, years=2, start_year=2024)
    point = meter.service_point
    # A thirteenth reading, so that the meter's readings take two pages.
    Reading.objects.create(
        meter=meter, read_on=date(2026, 11, 15), value=Decimal("220.250"), source="reader"
    )
    unpaid = Invoice.objects.create(
        customer=customer,
        number=UNPAID_NUMBER,
        issued_on=date(2026, 11, 20),
        period_start=date(2026, 1, 16),
        period_end=date(2026, 11, 15),
        due_on=date(2026, 12, 4),
        net=Decimal("93.25"),
        vat=Decimal("7.46"),
        gross=Decimal("100.71"),
    )
    charges = [
        ("Woda", "6.250", "m³", "4.3600", "27.25", "2.18", "29.43"),
        ("Ścieki", "6.250", "m³", "6.5600", "41.00", "3.28", "44.28"),
        ("Opłata abonamentowa", "2.000", "mies.", "12.5000", "25.00", "2.00", "27.00"),
    ]
    for description, quantity, unit, price, net, vat, gross in charges:
        InvoiceLine.objects.create(
            invoice=unpaid,
            service_point=point,
            description=description,
            period_start=unpaid.period_start,
            period_end=unpaid.period_end,
            quantity=Decimal(quantity),
            unit=unit,
            unit_net_price=Decimal(price),
            vat_rate=Decimal("8.00"),
            net=Decimal(net),
            vat=Decimal(vat),
            gross=Decimal(gross),
        )
    Invoice.objects.create(
        customer=customer,
        kind=Invoice.Kind.CORRECTION,
        number=CORRECTION_NUMBER,
        issued_on=date(2026, 3, 2),
        due_on=date(2026, 3, 16),
        net=Decimal("-10.00"),
        vat=Decimal("-0.80"),
        gross=Decimal("-10.80"),
    )
    Payment.objects.create(customer=customer, paid_on=date(2026, 11, 22), amount=Decimal("40.00"))
    Announcement.objects.create(title="Nowe stawki referencyjne", date=date(2012, 1, 1))
    terms = Document.objects.create(title="Regulamin e-BOK", date=date(2026, 1, 1), kind="terms")
    terms.file.save("regulamin.pdf", ContentFile(small_pdf("Regulamin e-BOK")))
    contract = Document.objects.create(
        customer=customer, title="Umowa 001234", date=date(2026, 2, 1), kind="contract"
    )
    contract.file.save("umowa.pdf", ContentFile(small_pdf("Umowa 001234")))
    return History(customer, meter, unpaid, terms, contract)


def log_in(page, language="pl"):
    page.goto("/")
    if language == "en":
        page.get_by_role("button", name=ENGLISH_BUTTON).click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.get_by_label("User" if language == "en" else "Użytkownik", exact=True).fill(NUMBER)
    page.get_by_label("Password" if language == "en" else "Hasło", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in" if language == "en" else "Zaloguj").click()
    expect(heading(page)).to_have_text("Information." if language == "en" else "Informacje.")


def heading(page):
    return page.get_by_role("heading", level=1)


def tabs(page, language="pl"):
    return panel_tabs(page, TEXTS[language]["panel"])


def open_tab(page, label, language="pl"):
    tabs(page, language).get_by_role("link", name=label, exact=True).click()
    expect(heading(page)).to_have_text(f"{label}.")
    tab = tabs(page, language).get_by_role("link", name=label, exact=True)
    expect(tab).to_have_attribute("aria-current", "page")


def fact(page, term):
    """The value (dd) that follows the term (dt) in a list of facts."""
    label = page.locator("dt").filter(has_text=re.compile(rf"^{re.escape(term)}$"))
    return label.locator("xpath=following-sibling::dd[1]")


def overflow(page) -> int:
    """How many pixels the page is wider than the window (positive: it scrolls sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


# What axe does not see: the layout itself. Returns one line per problem found.
LAYOUT_PROBLEMS = """() => {
  const problems = [];
  const describe = (element) =>
    element.tagName + ' "' + element.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
  // Nothing reaches into a card's padding or beyond it (the outermost element that does).
  for (const card of document.querySelectorAll('.card')) {
    const style = getComputedStyle(card);
    const edge = card.getBoundingClientRect().right - parseFloat(style.paddingRight)
      - parseFloat(style.borderRightWidth);
    const out = new Set();
    for (const element of card.querySelectorAll('*')) {
      const right = element.getBoundingClientRect().right;
      if (right <= edge + 0.5) continue;
      out.add(element);
      if (!out.has(element.parentElement)) problems.push(describe(element)
        + ' sticks out of its card by ' + Math.round(right - edge) + 'px');
    }
  }
  // A table row shown as a card (phone): every value to the right of its label.
  for (const cell of document.querySelectorAll('table.responsive th, table.responsive td')) {
    if (getComputedStyle(cell).display !== 'grid') continue;
    const left = cell.getBoundingClientRect().left;
    for (const child of cell.children) {
      const box = child.getBoundingClientRect();
      if (box.width > 0 && box.left < left + 8) problems.push(describe(child)
        + ' is in the label column of ' + describe(cell));
    }
  }
  // A term and its value side by side (desktop) do not touch.
  for (const fact of document.querySelectorAll('dl > div')) {
    const term = fact.querySelector('dt'), value = fact.querySelector('dd');
    if (!term || !value) continue;
    const [a, b] = [term.getBoundingClientRect(), value.getBoundingClientRect()];
    if (a.top === b.top && b.left - a.right < 8) problems.push(describe(term) + ' touches '
      + describe(value));
  }
  return problems;
}"""


def check(page):
    """No axe violation, nothing to scroll sideways for (reflow at 390 px), no broken layout."""
    assert_accessible(page)
    assert overflow(page) <= 0, f"{page.url} is {overflow(page)}px wider than the window"
    problems = page.evaluate(LAYOUT_PROBLEMS)
    assert not problems, f"{page.url}\n" + "\n".join(problems)


def polish_money(amount):
    with translation.override("pl"):
        return money(amount)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_customer_walks_every_tab_and_sees_their_own_data(live_server, page, history, tmp_path):
    # The pages work with scripts off: the year filter is a plain form, downloads plain links.
    customer = history.customer
    log_in(page)
    expect(tabs(page).get_by_role("link")).to_have_text(TABS["pl"])

    # Informacje: the seed's fields, from the database, and the announcement.
    open_tab(page, "Informacje")
    readings_of_customer = Reading.objects.filter(meter__service_point__customer=customer)
    last_read_on = readings_of_customer.aggregate(last=Max("read_on"))["last"]
    due = balance(customer).amount_due
    expect(fact(page, "Kod klienta")).to_have_text(customer.number)
    expect(fact(page, "Imię i nazwisko / Nazwa")).to_have_text(customer.name)
    expect(fact(page, "Adres")).to_have_text(customer.address)
    expect(fact(page, "Data ostatniego odczytu")).to_have_text(last_read_on.isoformat())
    account = format_nrb(payment_account(customer))
    assert re.fullmatch(r"\d{2}( \d{4}){6}", account)
    expect(fact(page, "Rachunek do rozliczeń")).to_have_text(account)
    expect(fact(page, "Należności")).to_have_text(polish_money(due))
    news = page.get_by_role("region", name="Informacje dla klienta")
    expect(news.get_by_role("listitem")).to_have_text(["2012-01-01 Nowe stawki referencyjne"])

    # Faktury/naliczenia: thirteen invoices, newest first, on two pages; one year at a time.
    open_tab(page, "Faktury/naliczenia")
    numbers = page.get_by_role("table").get_by_role("rowheader")
    expect(numbers).to_have_count(12)
    expect(numbers.first).to_have_text(UNPAID_NUMBER)
    expect(numbers.nth(1)).to_have_text(f"{CORRECTION_NUMBER} (faktura korygująca)")
    expect(page.get_by_role("navigation", name="Strony")).to_contain_text("Strona 1 z 2")
    year = page.get_by_label("Rok", exact=True)
    expect(year).to_have_value("")
    year.select_option("2025")
    page.get_by_role("button", name="Pokaż").click()
    expect(page).to_have_url(re.compile(r"/panel/invoices/\?year=2025$"))
    expect(year).to_have_value("2025")
    in_2025 = customer.invoices.filter(issued_on__year=2025).order_by("-issued_on", "-id")
    expect(numbers).to_have_text([invoice.number for invoice in in_2025])
    expect(page.get_by_role("navigation", name="Strony")).to_have_count(0)

    invoice = in_2025[0]
    [line] = invoice.lines.all()
    page.get_by_role("link", name=invoice.number, exact=True).click()
    expect(heading(page)).to_have_text(f"Faktura {invoice.number}")
    expect(fact(page, "Brutto")).to_have_text(polish_money(invoice.gross))
    expect(page.get_by_role("heading", name="Naliczenia")).to_be_visible()
    charges = page.get_by_role("table").get_by_role("row")
    expect(charges).to_have_count(2)  # the header and the one charge
    charge = charges.nth(1)
    expect(charge.get_by_role("rowheader")).to_contain_text(line.description)
    assert line.unit_net_price == Decimal("10.5263")  # all 4 decimals shown, not rounded
    amounts = [line.net, line.vat, line.gross]
    expect(charge.get_by_role("cell")).to_have_text(
        ["", "9,500 m³", "10,5263\xa0zł", "8%", *map(polish_money, amounts)]
    )
    # The copy opens inline, in the browser's PDF viewer: fetch it with the browser's session.
    pdf_link = page.get_by_role("link", name="Pobierz kopię (PDF)")
    response = page.request.get(pdf_link.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    assert "kopia-FV-001234-2025-11.pdf" in response.headers["content-disposition"]
    invoice_pdf = tmp_path / "invoice.pdf"
    invoice_pdf.write_bytes(response.body())
    text = pdf_text(invoice_pdf)
    assert invoice.number in text
    assert "Jan Węgrowski" in text

    # Płatności: how to pay what is due, with the QR code for banking apps.
    open_tab(page, "Płatności")
    transfer = page.get_by_role("region", name="Zapłać należność przelewem")
    # Each value, beside its copy button (static/js/copy.js).
    expect(fact(transfer, "Numer rachunku").locator("span").first).to_have_text(account)
    expect(fact(transfer, "Tytuł").locator("span").first).to_have_text(
        "Woda i ścieki, klient 001234"
    )
    expect(fact(transfer, "Kwota").locator("span").first).to_have_text(polish_money(due))
    qr = transfer.get_by_role("figure").locator("svg")
    expect(qr).to_be_visible()
    expect(qr.locator("path")).not_to_have_count(0)
    expect(transfer.get_by_role("figure")).to_contain_text("Zeskanuj w aplikacji banku")

    # Punkty/liczniki: the meter, then its readings with the consumption, page by page.
    open_tab(page, "Punkty/liczniki")
    point = page.get_by_role("region", name=history.meter.service_point.address)
    meter_row = point.get_by_role("row").filter(has_text=history.meter.serial_number)
    expect(meter_row).to_contain_text("2026-11-15")
    expect(meter_row).to_contain_text("220,250")
    meter_row.get_by_role("link", name=history.meter.serial_number, exact=True).click()
    expect(heading(page)).to_have_text(f"Licznik {history.meter.serial_number}")
    readings = page.get_by_role("table").get_by_role("row")
    expect(readings).to_have_count(13)  # the header and twelve readings
    expect(readings.nth(1)).to_contain_text("2026-11-15")
    expect(readings.nth(1)).to_contain_text("6,250")  # 220,250 - 214,000
    expect(readings.nth(2)).to_contain_text("9,500")
    pages = page.get_by_role("navigation", name="Strony")
    expect(pages).to_contain_text("Strona 1 z 2")
    pages.get_by_role("link", name="Starsze").click()
    expect(page).to_have_url(re.compile(r"\?page=2$"))
    expect(pages).to_contain_text("Strona 2 z 2")
    expect(readings).to_have_count(2)  # the header and the first reading ever
    expect(readings.nth(1)).to_contain_text("2024-01-15")
    expect(readings.nth(1).get_by_role("cell").nth(1)).to_have_text("—")  # nothing before it

    # Dokumenty: their own and everybody's, newest first; a download is the stored file.
    open_tab(page, "Dokumenty")
    expect(page.get_by_role("table").get_by_role("rowheader")).to_have_text(
        ["Umowa 001234", "Regulamin e-BOK"]
    )
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Regulamin e-BOK").click()
    download = download_info.value
    assert download.suggested_filename == "regulamin-e-bok.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes() == history.terms.file.open("rb").read()
    assert "Regulamin e-BOK" in pdf_text(saved)

    # Strona główna: the amount due at a glance.
    open_tab(page, "Strona główna")
    expect(page.locator("#overview-amount-due")).to_have_text(polish_money(due))
    expect(page.get_by_role("region", name="Ostatnia faktura")).to_contain_text(UNPAID_NUMBER)


@every_language_and_width
def test_every_tab_invoice_and_meter_page_have_no_accessibility_violations(
    live_server, page, history, language, viewport
):
    page.set_viewport_size(VIEWPORTS[viewport])
    log_in(page, language)
    words = TEXTS[language]
    for label in TABS[language]:
        open_tab(page, label, language)
        check(page)
        if label in ("Faktury/naliczenia", "Invoices/charges"):
            page.get_by_role("link", name=UNPAID_NUMBER, exact=True).click()
            expect(heading(page)).to_have_text(f"{words['invoice']} {UNPAID_NUMBER}")
            expect(page.get_by_role("row")).to_have_count(4)  # the header and three charges
            check(page)
        elif label in ("Punkty/liczniki", "Points/meters"):
            serial = history.meter.serial_number
            page.get_by_role("link", name=serial, exact=True).click()
            expect(heading(page)).to_have_text(f"{words['meter']} {serial}")
            check(page)
            page.get_by_role("link", name=words["form"], exact=True).click()
            expect(page.get_by_role("heading", name=words["form"])).to_be_visible()
            check(page)


def test_keyboard_alone_reaches_and_applies_the_year_filter_on_a_phone(live_server, page, history):
    page.set_viewport_size(VIEWPORTS["phone"])
    log_in(page)
    open_tab(page, "Faktury/naliczenia")
    keyboard = page.keyboard

    # The skip link, then straight to the filter, the first control of the page's content.
    keyboard.press("Tab")
    expect(page.get_by_role("link", name="Przejdź do treści")).to_be_focused()
    keyboard.press("Enter")
    keyboard.press("Tab")
    year = page.get_by_label("Rok", exact=True)
    expect(year).to_be_focused()
    keyboard.type("2024")
    expect(year).to_have_value("2024")
    keyboard.press("Tab")
    expect(page.get_by_role("button", name="Pokaż")).to_be_focused()
    keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"\?year=2024$"))
    expect(year).to_have_value("2024")
    numbers = page.get_by_role("table").get_by_role("rowheader")
    expect(numbers).to_have_count(6)
    expect(numbers.first).to_have_text("FV/001234/2024/11")
    expect(numbers.last).to_have_text("FV/001234/2024/01")
    assert overflow(page) <= 0
