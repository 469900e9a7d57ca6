"""The letter that hands a customer their temporary password: one A4 page per customer.

The customer's name and address sit where a DL envelope's right window shows them (20 mm from
the right edge, 45 mm from the top, 90 x 45 mm) once the page is folded in three at the marks.
Below the fold: the customer number, the password in large letters, its expiry, the seed
guide's steps to log in and change it, the portal's address and the guide's warning. The text
is Polish (the customers are); the password exists only in the PDF returned to the office.
"""

from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph, Spacer, Table

from ebok.accounts.passwords import minimum_length_text
from ebok.core.pdf import (
    BODY,
    BOLD,
    FONT,
    FONT_BOLD,
    LABEL,
    MUTED_COLOUR,
    RULE_COLOUR,
    RULE_WIDTH,
    TITLE,
    paragraph,
    register_fonts,
    service_lines,
    utility_lines,
)

LANGUAGE = "pl"
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
# The DL envelope's right window, measured from the page's top right corner.
WINDOW_RIGHT, WINDOW_TOP, WINDOW_WIDTH, WINDOW_HEIGHT = 20 * mm, 45 * mm, 90 * mm, 45 * mm
WINDOW_PADDING = 5 * mm
LETTERHEAD_TOP, LETTERHEAD_WIDTH, LETTERHEAD_HEIGHT = 15 * mm, 75 * mm, 28 * mm
FOLDS = (99 * mm, 198 * mm)  # from the top: an A4 folded in three fits a DL envelope
FOLD_MARK = 5 * mm
BODY_TOP = 103 * mm  # the letter's text starts below the first fold
MAX_EXTRA_PAGES = 2
PASSWORD_SIZE = 20
PASSWORD_SPACING = 1.5  # points between letters, so that each one stands apart

TEXT = ParagraphStyle("letter", BODY, fontSize=10, leading=13.5, spaceAfter=5)
STEP = ParagraphStyle("step", TEXT, leftIndent=6 * mm, bulletIndent=0, bulletFontName=FONT_BOLD)
HEADING = ParagraphStyle("letter-heading", BOLD, fontSize=11, leading=15, spaceBefore=4)
ADDRESS = ParagraphStyle("address", BODY, fontSize=11, leading=14)
ADDRESS_NAME = ParagraphStyle("address-name", ADDRESS, fontName=FONT_BOLD)
SENDER = ParagraphStyle("sender", LABEL, fontSize=6.5, leading=8)
LETTERHEAD = ParagraphStyle("letterhead", LABEL, fontSize=8, leading=10)
LETTERHEAD_NAME = ParagraphStyle("letterhead-name", BOLD, fontSize=11, leading=13.5)
WARNING = ParagraphStyle("warning", BOLD, fontSize=10.5, leading=14, spaceBefore=6)
CREDENTIAL = ParagraphStyle("credential", BOLD, fontSize=13, leading=17)
BOX_BACKGROUND = colors.HexColor("#f4f6f8")


@dataclass(frozen=True)
class Letter:
    customer: object
    password: str
    expires_at: datetime
    login_url: str


class PasswordText(Flowable):
    """The password, large and evenly spaced, drawn as one string so it copies as one word."""

    def __init__(self, password: str, size: float = PASSWORD_SIZE):
        super().__init__()
        self.password, self.size = password, size

    def wrap(self, available_width, available_height):
        register_fonts()
        width = stringWidth(self.password, FONT_BOLD, self.size)
        return width + PASSWORD_SPACING * len(self.password), self.size * 1.25

    def draw(self):
        text = self.canv.beginText(0, self.size * 0.3)
        text.setFont(FONT_BOLD, self.size)
        text.setCharSpace(PASSWORD_SPACING)
        text.textOut(self.password)
        self.canv.drawText(text)


def _frame(canvas, x, top, width, height, story, **padding) -> None:
    """Draw flowables in a box given by its top edge, measured from the page's top."""
    options = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    frame = Frame(x, PAGE_HEIGHT - top - height, width, height, **(options | padding))
    frame.addFromList(story, canvas)


def _letterhead(canvas, today: date) -> None:
    lines = utility_lines()
    if settings.UTILITY_WEBSITE:
        lines.append(_("Website: %(website)s") % {"website": settings.UTILITY_WEBSITE})
    story = [paragraph(settings.UTILITY_NAME, LETTERHEAD_NAME)]
    story += [paragraph(line, LETTERHEAD) for line in lines]
    _frame(canvas, MARGIN, LETTERHEAD_TOP, LETTERHEAD_WIDTH, LETTERHEAD_HEIGHT, story)
    canvas.setFont(FONT, 10)
    canvas.drawRightString(
        PAGE_WIDTH - MARGIN,
        PAGE_HEIGHT - LETTERHEAD_TOP - 10,
        _("Date: %(date)s") % {"date": today.isoformat()},
    )


def _window(canvas, customer) -> None:
    """The addressee, inside the envelope's window, with the sender in small print above."""
    story = [
        paragraph(settings.UTILITY_NAME, SENDER),
        Spacer(0, 3 * mm),
        paragraph(customer.name, ADDRESS_NAME),
        paragraph(customer.street, ADDRESS),
        paragraph(f"{customer.postal_code} {customer.city}", ADDRESS),
    ]
    left = PAGE_WIDTH - WINDOW_RIGHT - WINDOW_WIDTH
    padding = {"leftPadding": WINDOW_PADDING, "rightPadding": WINDOW_PADDING}
    padding |= {"topPadding": 4 * mm, "bottomPadding": 2 * mm}
    _frame(canvas, left, WINDOW_TOP, WINDOW_WIDTH, WINDOW_HEIGHT, story, **padding)


def _fold_marks(canvas) -> None:
    canvas.setStrokeColor(RULE_COLOUR)
    canvas.setLineWidth(RULE_WIDTH)
    for fold in FOLDS:
        canvas.line(0, PAGE_HEIGHT - fold, FOLD_MARK, PAGE_HEIGHT - fold)


def _credentials(letter: Letter, expires: str) -> Table:
    rows = [
        [paragraph(_("User (customer number):")), paragraph(letter.customer.number, CREDENTIAL)],
        [paragraph(_("Temporary password:")), PasswordText(letter.password)],
        [paragraph(_("Valid until:")), paragraph(expires, CREDENTIAL)],
    ]
    table = Table(rows, colWidths=[50 * mm, None], hAlign="LEFT")
    table.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, 10),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, -1), BOX_BACKGROUND),
            ("BOX", (0, 0), (-1, -1), RULE_WIDTH, RULE_COLOUR),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ]
    )
    return table


def _steps(letter: Letter) -> list:
    """The seed guide's three steps, with the labels the portal's forms really show."""
    one = _(
        "Open %(url)s. In the fields “%(user)s” and “%(password)s” enter your customer number "
        "and the temporary password above, then click “%(log_in)s”."
    ) % {
        "url": letter.login_url,
        "user": _("User"),
        "password": _("Password"),
        "log_in": _("Log in"),
    }
    two = _(
        "You are then led to “Password change”. In the field “%(current)s” type the temporary "
        "password, in the fields “%(new)s” and “%(confirm)s” a password of your own, twice, "
        "then click “%(change)s”."
    ) % {
        "current": _("Current password"),
        "new": _("New password"),
        "confirm": _("Confirm new password"),
        "change": _("Change password"),
    }
    three = _(
        "The message “%(changed)s” confirms the change. From then on log in with your customer "
        "number and your own password."
    ) % {"changed": _("Your password has been changed.")}
    texts = [one, f"{two} {minimum_length_text()}", three]
    return [Paragraph(escape(text), STEP, bulletText=f"{n}.") for n, text in enumerate(texts, 1)]


def _body(letter: Letter) -> list:
    expires = timezone.localtime(letter.expires_at).strftime("%Y-%m-%d %H:%M")
    return [
        paragraph(_("Your temporary password to e-BOK"), TITLE),
        Spacer(0, 3 * mm),
        paragraph(_("Dear Customer,"), TEXT),
        paragraph(
            _(
                "Here is your temporary password to e-BOK, our online customer service, where "
                "you can see your invoices, payments, meters and readings. At the first login "
                "you will set a password of your own."
            ),
            TEXT,
        ),
        Spacer(0, 2 * mm),
        _credentials(letter, expires),
        Spacer(0, 3 * mm),
        paragraph(_("How to log in and change the password"), HEADING),
        *_steps(letter),
        paragraph(
            _(
                "The temporary password is valid until %(expires)s. If it expires before you "
                "log in, ask the customer office for a new one."
            )
            % {"expires": expires},
            TEXT,
        ),
        paragraph(_("Never share your customer number and password with anyone!"), WARNING),
        Spacer(0, 5 * mm),
        paragraph(_("Customer office"), TEXT),
        paragraph(settings.UTILITY_NAME, ParagraphStyle("signature", TEXT, textColor=MUTED_COLOUR)),
        Spacer(0, 3 * mm),
        *(paragraph(line, TEXT) for line in service_lines()),
    ]


def _draw(canvas, letter: Letter, today: date) -> None:
    _letterhead(canvas, today)
    _window(canvas, letter.customer)
    _fold_marks(canvas)
    story = _body(letter)
    width, height = PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT - BODY_TOP - 15 * mm
    _frame(canvas, MARGIN, BODY_TOP, width, height, story)
    for _page in range(MAX_EXTRA_PAGES):  # never expected on A4, but nothing may be lost
        if not story:
            break
        canvas.showPage()
        _frame(canvas, MARGIN, 15 * mm, width, PAGE_HEIGHT - 30 * mm, story)
    canvas.showPage()


def render_letters(letters: list[Letter]) -> bytes:
    """The letters as one PDF, each starting on a new page; always in Polish."""
    register_fonts()
    buffer = BytesIO()
    with translation.override(LANGUAGE):
        title = _("Your temporary password to e-BOK")
        if len(letters) == 1:
            title = f"{title} {letters[0].customer.number}"
        canvas = Canvas(buffer, pagesize=A4, initialFontName=FONT, lang=LANGUAGE)
        canvas.setTitle(title)
        canvas.setAuthor(settings.UTILITY_NAME)
        canvas.setCreator("e-BOK")
        today = timezone.localdate()
        for letter in letters:
            _draw(canvas, letter, today)
        canvas.save()
    return buffer.getvalue()
