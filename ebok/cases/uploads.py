"""Files attached to a case's messages: PDF, JPEG or PNG, known by their content, not by name.

Images are decoded and saved again with Pillow, which drops whatever else the file carried
(metadata, GPS position, trailing data); a PDF is kept as sent, after its signature is checked.
"""

import io
import math
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile
from django.utils.formats import number_format
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MEGABYTE = 1024 * 1024
PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
SIGNATURES = [(b"%PDF-", PDF), (b"\xff\xd8\xff", JPEG), (b"\x89PNG\r\n\x1a\n", PNG)]
EXTENSIONS = {PDF: "pdf", JPEG: "jpg", PNG: "png"}
# A photo of a meter or a letter needs no more; more is a decompression bomb, not a photo.
MAX_PIXELS = 40_000_000


@dataclass(frozen=True)
class CheckedFile:
    name: str  # what the customer called it, made safe to show and to offer for download
    content_type: str
    content: bytes

    def as_file(self) -> ContentFile:
        return ContentFile(self.content, name=f"{uuid.uuid4().hex}.{EXTENSIONS[self.content_type]}")


def _kind(head: bytes) -> str | None:
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def _reencoded(data: bytes, content_type: str) -> bytes:
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError("too many pixels")
            image.load()
            out = io.BytesIO()
            if content_type == JPEG:
                image.convert("RGB").save(out, "JPEG", quality=90)
            else:
                image.save(out, "PNG", optimize=True)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError("not an image") from error


def check(upload) -> CheckedFile:
    """The upload, checked and cleaned; ValidationError with a message the customer reads."""
    limit = settings.CASE_ATTACHMENT_MAX_MB
    if upload.size > limit * MEGABYTE:
        raise ValidationError(
            _("%(name)s is too large (%(size)s MB); at most %(limit)d MB is allowed.")
            % {
                "name": upload.name,
                "size": number_format(math.ceil(upload.size * 10 / MEGABYTE) / 10, 1),
                "limit": limit,
            },
            code="too_large",
        )
    upload.seek(0)
    data = upload.read()
    content_type = _kind(data[:8])
    not_allowed = ValidationError(
        _("%(name)s is not a PDF, JPEG or PNG file; only these can be attached.")
        % {"name": upload.name},
        code="not_allowed",
    )
    if content_type is None:
        raise not_allowed
    if content_type != PDF:
        try:
            data = _reencoded(data, content_type)
        except ValidationError:
            raise not_allowed from None
    try:
        stem = get_valid_filename(upload.name.rsplit(".", 1)[0])[:150]
    except SuspiciousFileOperation:
        stem = "file"
    return CheckedFile(f"{stem}.{EXTENSIONS[content_type]}", content_type, data)
