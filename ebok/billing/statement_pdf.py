"""The account statement as an A4 PDF, in the active language.

Set like the invoice copies (ebok/billing/pdf.py): the embedded Lato fonts of ebok/core/pdf.py,
amounts through ebok/billing/formatting.py, ISO dates; the entries' headings repeat on every
page and every page says which page of how many it is.
"""

import functools
from io import BytesIO

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate, Spacer, Table

from ebok.billing.formatting import money
from ebok.billing.statement import headings, summary
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
    utility_lines,
)
from ebok.core.pdf import paragraph as _text

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 15 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FOOTER_OFFSET = 8 * mm
GAP = 6 * mm
FRAME_PADDING = 6  # points: platypus pads its page frame by this, inside the margins
CELL_PADDING = 3

# Date, kind, document, charge, credit, balance: the amounts hold "-99 999,99 zł" on one line.
ENTRY_COLUMNS = [20 * mm, 32 * mm, 59 * mm, 23 * mm, 23 * mm, 23 * mm]
NUMERIC_FROM = 3
SUMMARY_COLUMNS = [50 * mm, 28 * mm]
HEADER_BACKGROUND = colors.HexColor("#e3ecf4")
STRIPE_BACKGROUND = colors.HexColor("#f4f6f8")

CELL = ParagraphStyle("statement-cell", BODY, fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.25)
HEAD_CELL = ParagraphStyle("statement-head", CELL, fontName=FONT_BOLD)
HEAD_NUMBER = ParagraphStyle("statement-head-number", HEAD_CELL, alignment=TA_RIGHT)


def _table(rows, widths, *style, **options) -> Table:
    table = Table(rows, colWidths=widths, **options)
    base = [("FONT", (0, 0), (-1, -1), FONT, TEXT_SIZE), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    table.setStyle([*base, *style])
    return table


def _header(customer, statement) -> Table:
    utility = [_text(settings.UTILITY_NAME, BOLD), *(_text(line) for line in utility_lines())]
    period = f"{statement.start.isoformat()} \N{EN DASH} {statement.end.isoformat()}"
    document = [
        _text(_("Account statement"), TITLE),
        _text(_("Period: %(period)s") % {"period": period}, BOLD),
        Spacer(0, 2 * mm),
        _text(_("Customer"), LABEL),
        _text(customer.name, BOLD),
        _text(customer.street),
        _text(f"{customer.postal_code} {customer.city}"),
        _text(_("Customer number: %(number)s") % {"number": customer.number}),
    ]
    return _table(
        [[utility, document]], [CONTENT_WIDTH * 0.5] * 2, ("LEFTPADDING", (0, 0), (-1, -1), 0)
    )


def _summary(statement) -> Table:
    rows = [[_text(label), money(amount)] for label, amount in summary(statement)]
    return _table(
        rows,
        SUMMARY_COLUMNS,
        ("FONT", (1, -1), (1, -1), FONT_BOLD, TEXT_SIZE),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("LINEABOVE", (0, -1), (-1, -1), RULE_WIDTH, RULE_COLOUR),
        hAlign="LEFT",
    )


def _entries(statement) -> Table:
    head = [
        _text(text, HEAD_NUMBER if i >= NUMERIC_FROM else HEAD_CELL)
        for i, text in enumerate(headings())
    ]
    rows = [head]
    for entry in statement.entries:
        rows.append(
            [
                entry.day.isoformat(),
                _text(entry.kind, CELL),
                _text(entry.document, CELL),
                money(entry.charge) if entry.charge is not None else "",
                money(entry.credit) if entry.credit is not None else "",
                money(entry.balance),
            ]
        )
    return _table(
        rows,
        ENTRY_COLUMNS,
        ("FONT", (0, 1), (-1, -1), FONT, SMALL_SIZE),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("ALIGN", (NUMERIC_FROM, 0), (-1, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE_BACKGROUND]),
        ("LINEBELOW", (0, 0), (-1, 0), RULE_WIDTH, RULE_COLOUR),
        ("LINEBELOW", (0, -1), (-1, -1), RULE_WIDTH, RULE_COLOUR),
        repeatRows=1,
    )


class _NumberedCanvas(Canvas):
    """Holds the pages back until the end, then gives each a footer: the document's title, when
    it was made, and "page 2 of 3"."""

    def __init__(self, *args, footer="", **kwargs):
        super().__init__(*args, **kwargs)
        self.footer, self._pages = footer, []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        line = MARGIN - FOOTER_OFFSET
        for page in self._pages:
            self.__dict__.update(page)
            self.setFillColor(MUTED_COLOUR)
            self.setFont(FONT, SMALL_SIZE)
            self.drawString(MARGIN, line, self.footer)
            numbers = {"page": self._pageNumber, "pages": len(self._pages)}
            text = _("Page %(page)d of %(pages)d") % numbers
            self.drawRightString(PAGE_WIDTH - MARGIN, line, text)
            super().showPage()
        super().save()


def render_statement_pdf(customer, statement) -> bytes:
    register_fonts()
    title = f"{_('Account statement')} {customer.number}"
    made = _("made in e-BOK on %(date)s") % {"date": timezone.localdate().isoformat()}
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN - FRAME_PADDING,
        rightMargin=MARGIN - FRAME_PADDING,
        topMargin=MARGIN - FRAME_PADDING,
        bottomMargin=MARGIN - FRAME_PADDING,
        title=title,
        author=settings.UTILITY_NAME,
        creator="e-BOK",
        initialFontName=FONT,  # else every page would also name Helvetica, not embedded
        lang=get_language() or settings.LANGUAGE_CODE,
    )
    story = [_header(customer, statement), Spacer(0, GAP), _summary(statement), Spacer(0, GAP)]
    if statement.entries:
        story.append(_entries(statement))
    else:
        story.append(_text(_("Nothing was charged or paid in this period.")))
    sign = _("A positive balance is owed; a negative one is an overpayment.")
    story += [Spacer(0, GAP / 2), _text(sign, LABEL)]
    canvas = functools.partial(_NumberedCanvas, footer=f"{title}, {made}")
    document.build(story, canvasmaker=canvas)
    return buffer.getvalue()
