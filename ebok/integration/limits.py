"""What a request may carry: limits read from settings at request time (so tests can change
them), and the type of its body.

API_MAX_BATCH: records in one request (all sections together).
API_MAX_BODY_BYTES: size of a request body, also of an uploaded PDF. Django's own
DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) stays in force for the rest of the site: the API reads its
bodies itself, after the token was checked (read_body).
"""

from io import BytesIO

from django.conf import settings


class BodyTooLarge(Exception):
    pass


class NotJson(Exception):
    pass


def max_batch() -> int:
    return settings.API_MAX_BATCH


def max_body_bytes() -> int:
    return settings.API_MAX_BODY_BYTES


def declared_length(request) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def body_too_large(request) -> bool:
    return declared_length(request) > max_body_bytes()


def not_json(request) -> bool:
    """Whether a POST's body is declared anything but JSON in UTF-8.

    Every POST of the API takes JSON (the invoice PDF is a PUT with its own type). A body sent as
    text or a form would otherwise be parsed as JSON all the same: a caller's mistake, or a form
    on another site posting across origins, must be refused rather than written.
    """
    if request.method != "POST":
        return False
    charset = request.content_params.get("charset", "utf-8").lower()
    return request.content_type != "application/json" or charset not in {"utf-8", "utf8"}


def read_body(request) -> None:
    """Read the body up to API_MAX_BODY_BYTES so that `request.body` works for larger ones.

    Does what HttpRequest.body does (it keeps the bytes in `_body` and a fresh stream), with the
    API's limit instead of DATA_UPLOAD_MAX_MEMORY_SIZE.
    """
    if hasattr(request, "_body") or request.method in {"GET", "HEAD", "OPTIONS"}:
        return
    limit = max_body_bytes()
    if declared_length(request) > limit:
        raise BodyTooLarge
    body = request.read(limit + 1)
    if len(body) > limit:
        raise BodyTooLarge
    request._body = body
    request._stream = BytesIO(body)
