"""Who may call the API (a bearer token), and the log of every call."""

import time
from functools import wraps

from django.db import DatabaseError
from ninja.security import HttpBearer

from ebok.core.middleware import client_ip
from ebok.integration import limits, tokens
from ebok.integration.errors import logger
from ebok.integration.limits import BodyTooLarge, NotJson
from ebok.integration.models import ApiCall, ApiToken


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        api_token = tokens.authenticate(token.strip())
        if api_token is not None:
            # Only a known caller gets its (possibly large) body read.
            limits.read_body(request)
        return api_token


def note_records(request, count: int) -> None:
    """How many records the call carried or returned, for its line in the log."""
    request.api_record_count = count


def logged_call(api):
    """A decorator for every operation (token check included): refuse an oversized body or one
    that is not JSON before anything reads it, and log the call."""

    def decorator(run):
        @wraps(run)
        def wrapper(request, *args, **kwargs):
            started = time.monotonic()
            status = 500
            try:
                if limits.body_too_large(request):
                    response = api.on_exception(request, BodyTooLarge())
                elif limits.not_json(request):
                    response = api.on_exception(request, NotJson())
                else:
                    response = run(request, *args, **kwargs)
                status = response.status_code
                return response
            finally:
                _log(request, status, started)

        return wrapper

    return decorator


def _log(request, status: int, started: float) -> None:
    token = getattr(request, "auth", None)
    try:
        ApiCall.objects.create(
            token=token if isinstance(token, ApiToken) else None,
            method=request.method[:10],
            path=request.get_full_path().replace("\x00", "")[:300],
            status=status,
            duration_ms=round((time.monotonic() - started) * 1000),
            record_count=getattr(request, "api_record_count", None),
            ip_address=client_ip(request),
        )
    except (DatabaseError, ValueError):
        logger.exception("Could not log an integration API call")
