"""The API's errors: one JSON shape, {"detail": ..., "errors": [...]}, messages in English."""

import logging
from dataclasses import asdict, dataclass

from django.core.exceptions import RequestDataTooBig
from django.db import IntegrityError
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from ebok.integration import limits
from ebok.integration.limits import BodyTooLarge, NotJson

logger = logging.getLogger("ebok.integration")

REJECTED = "The request was rejected; nothing was written."


@dataclass(frozen=True)
class RecordError:
    """What is wrong with one record of a batch (index from 0) or, without an index, the request."""

    section: str | None
    index: int | None
    field: str | None
    message: str

    def as_dict(self) -> dict:
        return asdict(self)


class BatchRejected(Exception):
    def __init__(self, errors: list[RecordError]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


class BatchTooLarge(Exception):
    def __init__(self, count: int):
        super().__init__(count)
        self.count = count


def _from_location(loc: tuple, message: str) -> RecordError:
    """A pydantic error location, e.g. ("body", "payload", "meters", 3, "serial_number")."""
    parts = list(loc)
    if parts and parts[0] in {"body", "query", "path", "header"}:
        source = parts.pop(0)
        if source == "body" and parts and parts[0] == "payload":
            parts.pop(0)
    index = next((i for i, part in enumerate(parts) if isinstance(part, int)), None)
    if index is None:
        field = ".".join(str(part) for part in parts) or None
        return RecordError(section=None, index=None, field=field, message=message)
    section = ".".join(str(part) for part in parts[:index]) or None
    field = ".".join(str(part) for part in parts[index + 1 :]) or None
    return RecordError(section=section, index=parts[index], field=field, message=message)


def _message(error: dict) -> str:
    """pydantic's message, without the "Value error, " it puts before our own."""
    return error["msg"].removeprefix("Value error, ")


def rejection(errors: list[RecordError]) -> dict:
    return {"detail": REJECTED, "errors": [error.as_dict() for error in errors]}


def install_handlers(api) -> None:
    def respond(request, status: int, detail: str, **extra):
        return api.create_response(request, {"detail": detail, **extra}, status=status)

    @api.exception_handler(NinjaValidationError)
    def invalid(request, exc):
        errors = [_from_location(tuple(e["loc"]), _message(e)) for e in exc.errors]
        return api.create_response(request, rejection(errors), status=422)

    @api.exception_handler(BatchRejected)
    def rejected(request, exc):
        return api.create_response(request, rejection(exc.errors), status=422)

    @api.exception_handler(BatchTooLarge)
    def too_many(request, exc):
        limit = limits.max_batch()
        return respond(
            request,
            413,
            f"Too many records: {exc.count} in one request, at most {limit} (API_MAX_BATCH). "
            "Send them in several requests.",
        )

    @api.exception_handler(BodyTooLarge)
    @api.exception_handler(RequestDataTooBig)
    def too_large(request, exc):
        limit = limits.max_body_bytes()
        return respond(
            request,
            413,
            f"The request body is larger than {limit} bytes (API_MAX_BODY_BYTES).",
        )

    @api.exception_handler(NotJson)
    def not_json(request, exc):
        return respond(
            request,
            415,
            "The body must be JSON in UTF-8, sent with `Content-Type: application/json`.",
        )

    @api.exception_handler(AuthenticationError)
    def unauthorized(request, exc):
        response = respond(
            request,
            401,
            "Missing, wrong or revoked API token: send `Authorization: Bearer <token>`.",
        )
        response["WWW-Authenticate"] = 'Bearer realm="ebok"'
        return response

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return respond(request, exc.status_code, exc.message)

    @api.exception_handler(IntegrityError)
    def conflict(request, exc):
        # Another request wrote the same records at the same moment; this one was rolled back.
        logger.warning("Integration API conflict on %s: %s", request.path, exc)
        return respond(request, 409, "A concurrent request changed the same records; retry.")

    @api.exception_handler(Exception)
    def server_error(request, exc):
        logger.exception("Integration API error on %s %s", request.method, request.path)
        return respond(request, 500, "Internal error; nothing was written.")
