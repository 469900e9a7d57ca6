"""Attachments are PDF, JPEG or PNG by their content; images are re-encoded without metadata."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ebok.cases.tests.conftest import PDF, jpeg_bytes
from ebok.cases.uploads import check


def upload(name, content):
    return SimpleUploadedFile(name, content)


def test_a_pdf_is_kept_as_sent():
    checked = check(upload("pismo.PDF", PDF))
    assert (checked.content_type, checked.content, checked.name) == (
        "application/pdf",
        PDF,
        "pismo.pdf",
    )


def test_a_photo_loses_its_metadata():
    original = jpeg_bytes(exif=True)
    assert b"AparatTelefonu" in original
    checked = check(upload("licznik.jpeg", original))
    assert checked.content_type == "image/jpeg"
    assert b"AparatTelefonu" not in checked.content
    with Image.open(io.BytesIO(checked.content)) as image:
        assert image.size == (40, 30)
        assert not image.getexif()


def test_the_name_follows_the_content_not_the_upload():
    out = io.BytesIO()
    Image.new("RGB", (5, 5)).save(out, "PNG")
    checked = check(upload("../../etc/zdjęcie.pdf", out.getvalue()))
    assert checked.content_type == "image/png"
    assert checked.name.endswith(".png")
    assert "/" not in checked.name


@pytest.mark.parametrize(
    "content",
    [b"<html><script>alert(1)</script>", b"GIF89a\x01\x00", b"\x89PNG\r\n\x1a\n" + b"junk"],
)
def test_anything_else_is_refused(content):
    with pytest.raises(ValidationError) as error:
        check(upload("plik.png", content))
    assert error.value.code == "not_allowed"


def test_an_image_with_too_many_pixels_is_refused(monkeypatch):
    monkeypatch.setattr("ebok.cases.uploads.MAX_PIXELS", 100)
    with pytest.raises(ValidationError):
        check(upload("duze.jpg", jpeg_bytes(exif=False)))
