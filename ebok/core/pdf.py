"""What every PDF the portal draws shares: the embedded Lato fonts and the basic text styles.

Used by the invoice copies (ebok/billing/pdf.py) and the temporary-password letters
(ebok/backoffice/letter.py). Lato is embedded, so that Polish letters show in any viewer;
reportlab's own default, Helvetica, is not, so every text must name FONT or FONT_BOLD.
"""

import functools
from xml.sax.saxutils import escape

import font_lato
from django.conf import settings
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

FONT, FONT_BOLD = "Lato", "Lato-Bold"

TEXT_SIZE, SMALL_SIZE, TITLE_SIZE = 9, 7.5, 16
MUTED_COLOUR = colors.HexColor("#555555")
RULE_COLOUR, RULE_WIDTH = colors.HexColor("#9e9e9e"), 0.6

BODY = ParagraphStyle("body", fontName=FONT, fontSize=TEXT_SIZE, leading=TEXT_SIZE * 1.3)
BOLD = ParagraphStyle("bold", BODY, fontName=FONT_BOLD)
LABEL = ParagraphStyle("label", BODY, fontSize=SMALL_SIZE, textColor=MUTED_COLOUR)
TITLE = ParagraphStyle("title", BOLD, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.3)


@functools.cache
def register_fonts() -> None:
    """Lato and Lato Bold, once per process; <b> in a paragraph picks the bold one."""
    pdfmetrics.registerFont(TTFont(FONT, font_lato.Lato))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, font_lato.LatoBold))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def paragraph(value, style=BODY) -> Paragraph:
    """Plain text as a paragraph: escaped, so that "<" or "&" in data print as themselves."""
    return Paragraph(escape(str(value)), style)


def utility_lines() -> list[str]:
    """The utility's address and contact, as the letterhead and the invoice header show them."""
    lines = [line.strip() for line in settings.UTILITY_ADDRESS.splitlines() if line.strip()]
    if settings.UTILITY_PHONE:
        lines.append(_("Phone: %(phone)s") % {"phone": settings.UTILITY_PHONE})
    if settings.UTILITY_EMAIL:
        lines.append(_("E-mail: %(email)s") % {"email": settings.UTILITY_EMAIL})
    return lines


def service_lines() -> list[str]:
    """When the utility answers and where to report a failure: under the letterhead's contact
    on an invoice, at the end of a letter."""
    lines = []
    if settings.UTILITY_OFFICE_HOURS:
        lines.append(_("Office hours: %(hours)s") % {"hours": settings.UTILITY_OFFICE_HOURS})
    if settings.UTILITY_CUSTOMER_OFFICE_HOURS:
        hours = settings.UTILITY_CUSTOMER_OFFICE_HOURS
        lines.append(_("Customer office: %(hours)s") % {"hours": hours})
    if settings.UTILITY_EMERGENCY_PHONE:
        phone = settings.UTILITY_EMERGENCY_PHONE
        lines.append(_("Emergency (24 hours): %(phone)s") % {"phone": phone})
    return lines
