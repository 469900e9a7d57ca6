"""The "generated copy" of an invoice: a PDF drawn from the stored data, which the portal serves
when the billing system did not store the original.

Every page says, in a band across its top, that it is a copy made by the portal and not the
original. The text is in the active language (the caller activates the customer's); amounts and
unit prices go through ebok.billing.formatting, as on the invoice page, and dates are ISO
(YYYY-MM-DD). The Lato fonts are embedded, so that Polish letters show in any viewer.
"""

import functools
import hashlib
import threading
from collections import OrderedDict
from io import BytesIO

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table

from ebok.billing.accounts import format_nrb, payment_account
from ebok.billing.formatting import money, unit_price
from ebok.billing.ksef import invoice_link
from ebok.billing.models import Invoice
from ebok.core.pdf import (
    BODY,
    BOLD,
    FONT,
    FONT_BOLD,
    LABEL,
    MUTED_COLOUR,
    RULE_COLOUR,
    RULE_WIDTH,
    SMALL_SIZE,
    TEXT_SIZE,
    TITLE,
    register_fonts,
    service_lines,
    utility_lines,
)
from ebok.core.pdf import paragraph as _text

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 15 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
BAND_HEIGHT = 8 * mm  # the copy marking across the top of every page
FOOTER_OFFSET = 8 * mm  # the footer line, below the bottom margin
GAP = 6 * mm  # between the blocks of the first page
FRAME_PADDING = 6  # points: platypus pads its page frame by this, inside the margins

MARK_SIZE = 10
CAP_HEIGHT = 0.72  # Lato's capitals, as a share of the font size: centres the marking
MARK_COLOUR = colors.HexColor("#a3001b")
MARK_BACKGROUND = colors.HexColor("#fdecee")
HEADER_BACKGROUND = colors.HexColor("#e3ecf4")
STRIPE_BACKGROUND = colors.HexColor("#f4f6f8")

# The charges: description, period, quantity, unit net price, VAT rate, net, VAT, gross. Wide
# enough at SMALL_SIZE for a period on one line and amounts up to "99 999,99 zł".
# The unit price's column holds "1 234,5678 zł" on one line.
CHARGE_COLUMNS = [46 * mm, 33 * mm, 17 * mm, 19 * mm, 12 * mm, 18 * mm, 17 * mm, 18 * mm]
CELL_PADDING = 3  # points, left and right of each charge
NUMERIC_FROM = 2  # the columns from here on are numbers, aligned right
HEADER_COLUMNS = [CONTENT_WIDTH * 0.55, CONTENT_WIDTH * 0.45]
TOTALS_COLUMNS = [40 * mm, 28 * mm]
PAYMENT_COLUMNS = [40 * mm, CONTENT_WIDTH - 40 * mm]
TABLE_BASE_STYLE = [
    ("FONT", (0, 0), (-1, -1), FONT, TEXT_SIZE),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]

CELL = ParagraphStyle("cell", BODY, fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.25)
HEAD_CELL = ParagraphStyle("head", CELL, fontName=FONT_BOLD)
HEAD_NUMBER = ParagraphStyle("head-number", HEAD_CELL, alignment=TA_RIGHT)

COPY_MARKING = gettext_lazy("Copy generated in e-BOK — not the original invoice")
TITLES = {
    Invoice.Kind.INVOICE: gettext_lazy("Invoice"),
    Invoice.Kind.CORRECTION: gettext_lazy("Corrective invoice"),
    Invoice.Kind.INTEREST_NOTE: gettext_lazy("Interest note"),
}


def _number(value, min_places: int) -> str:
    """Localised, with as many decimals as the value has beyond min_places (trailing 0s cut)."""
    places = max(min_places, -value.normalize().as_tuple().exponent)
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


def _period(start, end) -> str:
    if not start and not end:
        return ""
    return f"{start or '…'} \N{EN DASH} {end or '…'}"  # a date's str() is YYYY-MM-DD


def _table(rows, widths, *style, **options) -> Table:
    """A table set in Lato: left to itself reportlab would name Helvetica, which is not embedded."""
    table = Table(rows, colWidths=widths, **options)
    table.setStyle([*TABLE_BASE_STYLE, *style])
    return table


def _header(invoice) -> Table:
    """The utility and the document on the left and right; the customer under the utility."""
    utility = [_text(settings.UTILITY_NAME, BOLD)]
    utility += [_text(line) for line in utility_lines() + service_lines()]
    facts = [
        (_("Issue date"), invoice.issued_on.isoformat()),
        (_("Billing period"), _period(invoice.period_start, invoice.period_end)),
        (_("Due date"), invoice.due_on.isoformat()),
    ]
    document = [
        _text(TITLES[invoice.kind], TITLE),
        _text(_("No. %(number)s") % {"number": invoice.number}, BOLD),
        Spacer(0, 2 * mm),
        *(_text(f"{label}: {value}") for label, value in facts if value),
    ]
    customer = invoice.customer
    buyer = [
        _text(_("Customer"), LABEL),
        _text(customer.name, BOLD),
        _text(customer.street),
        _text(f"{customer.postal_code} {customer.city}"),
        _text(_("Customer number: %(number)s") % {"number": customer.number}),
    ]
    if customer.nip:
        buyer.insert(2, _text(f"NIP: {customer.nip}"))
    rows = [[utility, document], [buyer, ""]]
    return _table(
        rows,
        HEADER_COLUMNS,
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), GAP),
    )


def _charges(invoice) -> Table:
    headings = [_("Description"), _("Period"), _("Quantity"), _("Unit net price"), _("VAT rate")]
    headings += [_("Net"), _("VAT"), _("Gross")]
    rows = [
        [_text(h, HEAD_NUMBER if i >= NUMERIC_FROM else HEAD_CELL) for i, h in enumerate(headings)]
    ]
    # all(), ordered by id as the model says: charges fetched ahead (prefetch_related) are used.
    for line in invoice.lines.all():
        rows.append(
            [
                _text(line.description, CELL),
                _text(_period(line.period_start, line.period_end), CELL),
                f"{_number(line.quantity, 0)} {line.unit}",
                unit_price(line.unit_net_price),
                f"{_number(line.vat_rate, 0)}%",
                *(money(amount) for amount in (line.net, line.vat, line.gross)),
            ]
        )
    return _table(
        rows,
        CHARGE_COLUMNS,
        ("FONT", (0, 0), (-1, -1), FONT, SMALL_SIZE),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("ALIGN", (NUMERIC_FROM, 0), (-1, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE_BACKGROUND]),
        ("LINEBELOW", (0, 0), (-1, 0), RULE_WIDTH, RULE_COLOUR),
        ("LINEBELOW", (0, -1), (-1, -1), RULE_WIDTH, RULE_COLOUR),
        repeatRows=1,
    )


def _totals(invoice) -> Table:
    rows = [
        [_("Net total"), money(invoice.net)],
        [_("VAT total"), money(invoice.vat)],
        [_("Gross total"), money(invoice.gross)],
    ]
    return _table(
        rows,
        TOTALS_COLUMNS,
        ("FONT", (0, -1), (-1, -1), FONT_BOLD, TEXT_SIZE + 1),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("RIGHTPADDING", (1, 0), (1, -1), CELL_PADDING),
        ("LINEABOVE", (0, -1), (-1, -1), RULE_WIDTH, RULE_COLOUR),
        hAlign="RIGHT",
    )


def _payment(invoice) -> Table:
    """Where and how to pay: the account (when there is one), recipient and transfer title."""
    customer = invoice.customer
    account = payment_account(customer)
    rows = [(_("Account for payments"), format_nrb(account))] if account else []
    rows.append((_("Recipient"), settings.PAYMENT_RECIPIENT))
    rows.append((_("Transfer title"), f"{customer.number}, {invoice.number}"))
    cells = [[_text(label, LABEL), _text(value)] for label, value in rows]
    return _table(cells, PAYMENT_COLUMNS, ("LEFTPADDING", (0, 0), (0, -1), 0))


KSEF_QR_SIZE = 30 * mm


def _ksef(invoice) -> Table | None:
    """KOD I: the KSeF verification QR code, with the KSeF number under it (OFFLINE while the
    invoice has none), when the billing system sent the invoice file's hash."""
    link = invoice_link(invoice)
    if link is None:
        return None
    widget = QrCodeWidget(link, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(
        KSEF_QR_SIZE,
        KSEF_QR_SIZE,
        transform=[KSEF_QR_SIZE / (right - left), 0, 0, KSEF_QR_SIZE / (top - bottom), 0, 0],
    )
    drawing.add(widget)
    label = invoice.ksef_number or "OFFLINE"
    cells = [
        [drawing, _text(_("Verify this invoice in KSeF: scan the code."), LABEL)],
        [_text(label, BOLD), ""],
    ]
    return _table(
        cells,
        [KSEF_QR_SIZE + 40 * mm, CONTENT_WIDTH - KSEF_QR_SIZE - 40 * mm],
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    )


class _CopyCanvas(Canvas):
    """Holds the pages back until the end, then gives each the copy marking across its top and
    a footer with the document's title and "page 2 of 3"."""

    def __init__(self, *args, footer="", **kwargs):
        super().__init__(*args, **kwargs)
        self.footer, self._pages = footer, []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        band_bottom, footer_line = PAGE_HEIGHT - MARGIN - BAND_HEIGHT, MARGIN - FOOTER_OFFSET
        for page in self._pages:
            self.__dict__.update(page)
            self.setFillColor(MARK_BACKGROUND)
            self.setStrokeColor(MARK_COLOUR)
            self.rect(MARGIN, band_bottom, CONTENT_WIDTH, BAND_HEIGHT, stroke=1, fill=1)
            self.setFillColor(MARK_COLOUR)
            self.setFont(FONT_BOLD, MARK_SIZE)
            baseline = band_bottom + (BAND_HEIGHT - CAP_HEIGHT * MARK_SIZE) / 2
            self.drawCentredString(PAGE_WIDTH / 2, baseline, str(COPY_MARKING))
            self.setFillColor(MUTED_COLOUR)
            self.setFont(FONT, SMALL_SIZE)
            self.drawString(MARGIN, footer_line, self.footer)
            numbers = {"page": self._pageNumber, "pages": len(self._pages)}
            text = _("Page %(page)d of %(pages)d") % numbers
            self.drawRightString(PAGE_WIDTH - MARGIN, footer_line, text)
            super().showPage()
        super().save()


# Drawing a copy costs the CPU of several pages (reportlab lays out every line), and a customer
# opens the same copy again and again. Each process keeps the latest copies it drew, under a
# digest of everything printed on them: every field of the invoice, its charges and its
# customer, the settings the header and the payment block read, and the language. Any change
# to one of them draws a new copy; a new release restarts the processes, and the kept copies
# go with them.
COPIES_KEPT = 64
PRINTED_SETTINGS = ("UTILITY_", "PAYMENT_", "KSEF_")
_kept: OrderedDict[str, bytes] = OrderedDict()
_kept_lock = threading.Lock()


def render_invoice_pdf(invoice) -> bytes:
    """The invoice as an A4 PDF copy, in the active language."""
    prefetch_related_objects([invoice], "lines")  # read once, for the digest and the drawing
    key = _printed(invoice)
    with _kept_lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]
    pdf = _draw(invoice)
    with _kept_lock:
        _kept[key] = pdf
        while len(_kept) > COPIES_KEPT:
            _kept.popitem(last=False)
    return pdf


def _printed(invoice) -> str:
    def fields(instance):
        return [(f.attname, getattr(instance, f.attname)) for f in instance._meta.concrete_fields]

    settings_read = sorted(
        (name, getattr(settings, name))
        for name in dir(settings)
        if name.startswith(PRINTED_SETTINGS)
    )
    printed = (
        fields(invoice),
        fields(invoice.customer),
        [fields(line) for line in invoice.lines.all()],
        settings_read,
        get_language(),
    )
    return hashlib.sha256(repr(printed).encode()).hexdigest()


def _draw(invoice) -> bytes:
    register_fonts()
    title = f"{TITLES[invoice.kind]} {invoice.number}"
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN - FRAME_PADDING,
        rightMargin=MARGIN - FRAME_PADDING,
        topMargin=MARGIN + BAND_HEIGHT + GAP - FRAME_PADDING,
        bottomMargin=MARGIN - FRAME_PADDING,
        title=title,
        author=settings.UTILITY_NAME,
        subject=str(COPY_MARKING),
        creator="e-BOK",
        initialFontName=FONT,  # else every page would also name Helvetica, not embedded
        lang=get_language() or settings.LANGUAGE_CODE,
    )
    story = [
        _header(invoice),
        Spacer(0, GAP),
        _charges(invoice),
        Spacer(0, GAP / 2),
        KeepTogether([_totals(invoice), Spacer(0, GAP), _payment(invoice)]),
    ]
    ksef = _ksef(invoice)
    if ksef is not None:
        story += [Spacer(0, GAP), KeepTogether([ksef])]
    document.build(story, canvasmaker=functools.partial(_CopyCanvas, footer=title))
    return buffer.getvalue()
