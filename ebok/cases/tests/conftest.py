import importlib
import io
import uuid
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from ebok.billing.models import Invoice

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf_file(name="skan.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def jpeg_bytes(exif=True) -> bytes:
    image = Image.new("RGB", (40, 30), (200, 40, 40))
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "AparatTelefonu"  # Make
        image.save(out, "JPEG", exif=data)
    else:
        image.save(out, "JPEG")
    return out.getvalue()


def make_invoice(customer, number="FV/2026/10/000777", gross="123.45"):
    day = date(2026, 10, 15)
    return Invoice.objects.create(
        customer=customer,
        number=number,
        issued_on=day,
        due_on=day,
        net=Decimal(gross),
        vat=0,
        gross=Decimal(gross),
    )


def file_case(client, code, **data):
    """Post the new case form of the type, as the browser does (a fresh form key unless given)."""
    data.setdefault("idempotency_key", str(uuid.uuid4()))
    data.setdefault("subject", "Za wysoka kwota")
    data.setdefault("body", "Faktura liczy 30 m³, a zużyłem 12 m³.")
    return client.post(reverse("cases:case_file", args=[code]), data)


def seed_case_types():
    """The case types of the data migration, again: a test that flushes the database (one with
    transaction=True, the browser's) leaves none behind for the next."""
    from django.apps import apps

    migration = importlib.import_module("ebok.cases.migrations.0002_case_types")
    migration.add_types(apps, None)


@pytest.fixture
def case_types(db):
    seed_case_types()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def logged_in(client, account, media, case_types):
    client.force_login(account)
    return client


# The office's staff, as the back office's tests make them.
from ebok.backoffice.tests.conftest import (  # noqa: E402, F401
    administrator,
    operator,
    operator_client,
    roles,
)
