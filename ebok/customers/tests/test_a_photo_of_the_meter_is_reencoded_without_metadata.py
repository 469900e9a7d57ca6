"""A photo sent with a self-reading is opened by Pillow whatever it claims to be, kept as a
fresh JPEG without the phone's metadata, and shown to the office beside the reading."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from pillow_heif import from_pillow

from ebok.backoffice.roles import OPERATOR, setup_roles
from ebok.backoffice.tests.conftest import make_staff
from ebok.customers import photos
from ebok.customers.models import Reading, ReadingPhoto
from ebok.testing import log_in_staff, make_history

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

GPS_IFD = 0x8825


def picture(kind: str) -> bytes:
    """A 64 by 48 image with an EXIF note of where it was taken."""
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif.get_ifd(GPS_IFD)[2] = (52.0, 23.0, 0.0)  # GPSLatitude
    out = BytesIO()
    if kind == "HEIC":
        heif = from_pillow(image)
        heif.save(out, format="HEIF", exif=exif.tobytes())
    else:
        image.save(out, kind, exif=exif.tobytes())
    return out.getvalue()


@pytest.fixture
def meter(account):
    return make_history(account.customer, years=1, start_year=2026)[1]


def submit(client, meter, photo, value="158"):
    data = {"value": value, "read_on": "2026-11-25", "photo": photo}
    return client.post(reverse("portal:meter_reading", args=[meter.pk]), data)


@pytest.mark.parametrize(
    ("kind", "name"), [("JPEG", "m.jpg"), ("PNG", "m.png"), ("HEIC", "m.heic")]
)
def test_a_photo_is_stored_as_a_jpeg_without_its_metadata(client, account, meter, kind, name):
    client.force_login(account)
    response = submit(client, meter, SimpleUploadedFile(name, picture(kind)))
    assert response.status_code == 302
    photo = ReadingPhoto.objects.get(reading__meter=meter, reading__source=Reading.Source.CUSTOMER)
    stored = Image.open(BytesIO(bytes(photo.content)))
    assert stored.format == "JPEG"
    assert stored.size == (photo.width, photo.height) == (64, 48)
    assert not stored.getexif()
    assert b"PhoneMaker" not in bytes(photo.content)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("m.jpg", b"%PDF-1.4 not a photo"), "Plik nie jest zdjęciem"),
        (SimpleUploadedFile("m.gif", b"GIF89a" + b"\0" * 20), "Plik nie jest zdjęciem"),
    ],
)
def test_a_file_that_is_no_photo_is_refused_and_nothing_stored(
    client, account, meter, upload, message
):
    client.force_login(account)
    page = submit(client, meter, upload, value="158,5").content.decode()
    assert message in page
    assert 'value="158,5"' in page
    assert not meter.readings.filter(source=Reading.Source.CUSTOMER).exists()


def test_a_photo_over_the_size_limit_is_refused(client, account, meter, monkeypatch):
    monkeypatch.setattr(photos, "MAX_BYTES", 2**20)
    client.force_login(account)
    big = SimpleUploadedFile("m.png", picture("PNG") + b"\0" * 2**20)
    page = submit(client, meter, big).content.decode()
    assert "Zdjęcie może mieć najwyżej 1 MB." in page
    assert not meter.readings.filter(source=Reading.Source.CUSTOMER).exists()


def test_the_office_sees_the_photo_beside_the_reading(client, account, meter):
    client.force_login(account)
    submit(client, meter, SimpleUploadedFile("m.png", picture("PNG")))
    reading = meter.readings.get(source=Reading.Source.CUSTOMER)
    setup_roles()
    office = log_in_staff(Client(), make_staff("operator", OPERATOR))
    page = office.get(reverse("admin:customers_reading_change", args=[reading.pk])).content
    assert b'<img src="data:image/jpeg;base64,' in page
