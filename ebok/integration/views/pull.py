"""GET what eBOK collected (readings customers submitted, changes of contact data and consents);
POST which of them the billing system has taken."""

from django.http import HttpResponse
from django.urls import reverse
from ninja import Path, Query, Router
from pydantic import Field

from ebok.integration.schemas.batches import Message, Rejection
from ebok.integration.schemas.pull import (
    AccountChanges,
    Acknowledged,
    Acknowledgement,
    ChangeAcknowledgement,
    ChangesAcknowledged,
    SubmittedReadings,
)
from ebok.integration.schemas.types import Schema
from ebok.integration.security import note_records
from ebok.integration.services import pull

router = Router(tags=["pull"])

# Readings in one page of the pull; part of the published schema, so not a setting.
PULL_PAGE_MAX = 1000
# Ids are 64-bit integers in both databases; a larger one in a path is refused (422), not
# handed to SQLite, which cannot bind it.
ID_MAX = 2**63 - 1


class Page(Schema):
    after: int = Field(0, ge=0, le=ID_MAX, description="The cursor: only ids above it.")
    limit: int = Field(100, ge=1, le=PULL_PAGE_MAX, description="At most this many.")


@router.get(
    "/submitted-readings",
    response={200: SubmittedReadings, 401: Message, 422: Rejection},
    summary="Readings customers submitted, not yet acknowledged",
)
def submitted_readings(request, page: Query[Page]):
    readings, has_more = pull.pending(page.after, page.limit)
    note_records(request, len(readings))
    return {
        "readings": [_reading(reading) for reading in readings],
        "next_cursor": readings[-1].id if readings else page.after,
        "has_more": has_more,
    }


@router.get(
    "/submitted-readings/{reading_id}/photo",
    response={200: None, 401: Message, 404: Message, 422: Rejection},
    url_name="reading_photo",
    summary="The customer's photo of the meter sent with a reading (JPEG)",
    description="Re-encoded by eBOK as JPEG, without the photo's metadata.",
    openapi_extra={"responses": {200: {"content": {"image/jpeg": {}}}}},
)
def reading_photo(request, reading_id: int = Path(..., ge=1, le=ID_MAX)):
    photo = pull.photo_of(reading_id)
    note_records(request, 1)
    response = HttpResponse(bytes(photo.content), content_type="image/jpeg")
    response["Content-Disposition"] = f'inline; filename="reading-{reading_id}.jpg"'
    return response


@router.post(
    "/submitted-readings/ack",
    response={200: Acknowledged, 401: Message, 413: Message, 415: Message, 422: Rejection},
    summary="Acknowledge submitted readings the billing system has stored",
)
def acknowledge(request, payload: Acknowledgement):
    note_records(request, len(payload.ids))
    new, before, unknown = pull.acknowledge(payload.ids, token=request.auth)
    return {"acknowledged": new, "already_acknowledged": before, "unknown": unknown}


@router.get(
    "/account-changes",
    response={200: AccountChanges, 401: Message, 422: Rejection},
    summary="Changes of contact data and consents made in eBOK, not yet acknowledged",
)
def account_changes(request, page: Query[Page]):
    changes, has_more = pull.pending_changes(page.after, page.limit)
    note_records(request, len(changes))
    return {
        "changes": [_change(change) for change in changes],
        "next_cursor": changes[-1].id if changes else page.after,
        "has_more": has_more,
    }


@router.post(
    "/account-changes/ack",
    response={200: ChangesAcknowledged, 401: Message, 413: Message, 415: Message, 422: Rejection},
    summary="Acknowledge changes of contact data and consents the billing system has stored",
)
def acknowledge_changes(request, payload: ChangeAcknowledgement):
    note_records(request, len(payload.ids))
    new, before, unknown = pull.acknowledge_changes(payload.ids, token=request.auth)
    return {"acknowledged": new, "already_acknowledged": before, "unknown": unknown}


def _change(change) -> dict:
    return {
        "id": change.id,
        "customer_number": change.customer_number,
        "customer_external_id": change.customer.external_id if change.customer else None,
        "kind": change.kind,
        "value": change.value,
        "changed_at": change.changed_at,
    }


def _reading(reading) -> dict:
    meter = reading.meter
    point = meter.service_point
    return {
        "id": reading.id,
        "meter_external_id": meter.external_id,
        "meter_serial_number": meter.serial_number,
        "service_point_external_id": point.external_id,
        "customer_external_id": point.customer.external_id,
        "customer_number": point.customer.number,
        "read_on": reading.read_on,
        "value": reading.value,
        "submitted_at": reading.created_at,
        "needs_review": reading.needs_review,
        "review": "accepted" if reading.needs_review else "not_needed",
        "reviewed_at": reading.reviewed_at,
        "photo_url": reverse("integration-api:reading_photo", args=[reading.id])
        if reading.has_photo
        else None,
    }
