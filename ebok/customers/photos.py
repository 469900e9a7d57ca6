"""A photo of the meter sent with a self-reading: checked, re-encoded, stripped of metadata.

The upload's name and declared type are not trusted: Pillow opens the bytes and must find a
JPEG, PNG or HEIC image in them. The stored copy is a fresh JPEG made from the pixels alone, so
no EXIF (GPS position, the phone's serial), XMP or ICC data, and nothing hidden after the image,
survives.
"""

from io import BytesIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()

MAX_BYTES = 10 * 1024 * 1024
# A decompression bomb is refused before its pixels are decoded.
MAX_PIXELS = 50_000_000
# Enough to read the digits; a phone's 12 MP photo shrinks to a few hundred kB.
LONGEST_SIDE = 2000
ACCEPTED_FORMATS = {"JPEG", "PNG", "HEIF"}
JPEG_QUALITY = 85


def reencode(upload) -> tuple[bytes, int, int]:
    """The upload as a clean JPEG (bytes, width, height); ValidationError if it is not a
    photo we take."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The photo may be at most %(megabytes)d MB.") % {"megabytes": MAX_BYTES // 2**20}
        )
    data = upload.read()
    try:
        with Image.open(BytesIO(data)) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise ValidationError(_("The photo must be a JPEG, PNG or HEIC image."))
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The photo has too many pixels."))
            image.load()
            # Turn the pixels as the phone meant, since the EXIF note that says so goes.
            picture = ImageOps.exif_transpose(image).convert("RGB")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("The file is not a photo we can read (JPEG, PNG or HEIC).")
        ) from None
    picture.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    out = BytesIO()
    picture.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue(), picture.width, picture.height
