"""What an uploaded document must be: a PDF, by its name and by its content, and not too big."""

import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

PDF_SIGNATURE = b"%PDF"
MEGABYTE = 1024 * 1024


def validate_pdf_upload(file) -> None:
    """A new upload must be named *.pdf, start with %PDF and weigh at most DOCUMENT_MAX_MB.

    Files already stored (an edit that keeps the file) are not read again.
    """
    if getattr(file, "_committed", False):
        return
    if not file.name.lower().endswith(".pdf"):
        raise ValidationError(
            _("Only PDF files can be added: the file name must end in .pdf."), code="not_pdf"
        )
    limit = settings.DOCUMENT_MAX_MB
    if file.size > limit * MEGABYTE:
        raise ValidationError(
            _("The file is too large (%(size)s MB); at most %(limit)d MB is allowed.")
            % {"size": number_format(math.ceil(file.size * 10 / MEGABYTE) / 10, 1), "limit": limit},
            code="too_large",
        )
    file.seek(0)
    head = file.read(len(PDF_SIGNATURE))
    file.seek(0)
    if head != PDF_SIGNATURE:
        raise ValidationError(
            _("This file is not a PDF document, although its name ends in .pdf."),
            code="not_pdf_content",
        )
