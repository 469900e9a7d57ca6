"""The billing system tells eBOK what a self-reading is checked against (the register, the
tariff group norm, the reading windows) and sees which readings were flagged, and their photos."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from PIL import Image

from ebok.customers.models import Meter, Reading, ReadingPhoto, ReadingWindow, ServicePoint
from ebok.integration.tests import payloads

pytestmark = pytest.mark.django_db


def window(external_id="W-1", opens_on="2026-12-01", closes_on="2026-12-07", point="PP-1"):
    return {
        "external_id": external_id,
        "service_point_external_id": point,
        "opens_on": opens_on,
        "closes_on": closes_on,
    }


def test_meters_and_points_carry_the_register_legalisation_and_norm(api):
    body = payloads.everything()
    body["service_points"][0]["norm_monthly_use"] = "3.500"
    body["meters"][0].update(register_digits=5, legalised_until="2031-06-30")
    assert api.post("/batch", body).status_code == 200
    meter = Meter.objects.get()
    assert (meter.register_digits, meter.legalised_until) == (5, date(2031, 6, 30))
    assert ServicePoint.objects.get().norm_monthly_use == Decimal("3.500")


@pytest.mark.parametrize("digits", [0, 10])
def test_a_register_outside_one_to_nine_digits_is_refused(api, digits):
    body = payloads.everything()
    body["meters"][0]["register_digits"] = digits
    response = api.post("/batch", body)
    assert response.status_code == 422
    assert not Meter.objects.exists()


def test_reading_windows_are_pushed_per_service_point_and_updated(api):
    assert api.post("/batch", payloads.everything()).status_code == 200
    assert api.post("/reading-windows", {"reading_windows": [window()]}).status_code == 200
    moved = window(opens_on="2026-12-02", closes_on="2026-12-09")
    assert api.post("/reading-windows", {"reading_windows": [moved]}).status_code == 200
    (row,) = ReadingWindow.objects.all()
    assert (row.opens_on, row.closes_on, row.service_point.code) == (
        date(2026, 12, 2),
        date(2026, 12, 9),
        ServicePoint.objects.get().code,
    )


def test_a_window_that_closes_before_it_opens_or_names_no_point_is_refused(api):
    assert api.post("/batch", payloads.everything()).status_code == 200
    backwards = window(opens_on="2026-12-07", closes_on="2026-12-01")
    response = api.post("/reading-windows", {"reading_windows": [backwards]})
    assert response.status_code == 422
    response = api.post("/reading-windows", {"reading_windows": [window(point="PP-404")]})
    assert response.status_code == 422
    assert "PP-404" in response.content.decode()
    assert not ReadingWindow.objects.exists()


def test_the_pull_shows_the_review_flag_and_the_photo(api):
    assert api.post("/batch", payloads.everything()).status_code == 200
    meter = Meter.objects.get()
    plain = Reading.objects.create(
        meter=meter, read_on=date(2026, 11, 20), value=Decimal("140"), source="customer"
    )
    flagged = Reading.objects.create(
        meter=meter,
        read_on=date(2026, 11, 21),
        value=Decimal("400"),
        source="customer",
        needs_review=True,
        review="accepted",  # held back until the office accepts it (test_readings_to_review...)
    )
    jpeg = BytesIO()
    Image.new("RGB", (40, 20), "white").save(jpeg, "JPEG")
    ReadingPhoto.objects.create(reading=flagged, content=jpeg.getvalue(), width=40, height=20)

    pulled = {row["id"]: row for row in api.get("/submitted-readings").json()["readings"]}
    assert pulled[plain.id]["needs_review"] is False
    assert pulled[plain.id]["photo_url"] is None
    assert pulled[flagged.id]["needs_review"] is True
    assert (pulled[plain.id]["review"], pulled[flagged.id]["review"]) == ("not_needed", "accepted")
    url = pulled[flagged.id]["photo_url"]
    assert url == f"/api/v1/submitted-readings/{flagged.id}/photo"

    photo = api.get(url.removeprefix("/api/v1"))
    assert photo.status_code == 200
    assert photo["Content-Type"] == "image/jpeg"
    assert Image.open(BytesIO(photo.content)).size == (40, 20)
    assert api.get(f"/submitted-readings/{plain.id}/photo").status_code == 404


def test_the_photo_needs_the_token(client, api):
    assert api.post("/batch", payloads.everything()).status_code == 200
    reading = Reading.objects.create(
        meter=Meter.objects.get(), read_on=date(2026, 11, 20), value=1, source="customer"
    )
    ReadingPhoto.objects.create(reading=reading, content=b"x", width=1, height=1)
    assert client.get(f"/api/v1/submitted-readings/{reading.id}/photo").status_code == 401


@pytest.mark.parametrize("reading_id", [0, 2**63, 10**30])
def test_a_photo_id_no_database_can_hold_is_refused(api, reading_id):
    # SQLite cannot bind an integer beyond 64 bits: it must be refused before the query.
    response = api.get(f"/submitted-readings/{reading_id}/photo")
    assert response.status_code == 422
