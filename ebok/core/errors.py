"""The portal's own error pages (400, 403, 404, 500, 503), wired in ebok/urls.py.

They are rendered from a minimal context made of settings only, without the context
processors: a 500 may come from the database or the cache being down, and the page that says
so must not need either (no user, no session, no messages). The header's account bar is
therefore absent on these pages. The integration API answers in JSON instead, in the shape of
its own errors ({"detail": ...}).
"""

from types import SimpleNamespace

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.template import loader
from django.utils.cache import add_never_cache_headers

from ebok.core.context_processors import utility

# ebok/urls.py mounts the integration API under /api/v1/.
API_PREFIX = "/api/"
# How long a client should wait before trying a 503 again; the cache is usually back by then.
RETRY_AFTER_SECONDS = 120


def _page(request, status: int, api_detail: str, extra: dict | None = None) -> HttpResponse:
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"detail": api_detail}, status=status)
    context = {
        **utility(request),
        "LANGUAGES": settings.LANGUAGES,
        # The frame may show the page's own address (the language buttons come back to it),
        # but nothing that needs the session or the database, such as request.customer.
        "request": SimpleNamespace(path=request.path, get_full_path=request.get_full_path),
        # The footer's language buttons are a form; the token comes from the cookie alone.
        "csrf_token": get_token(request),
        **(extra or {}),
    }
    content = loader.get_template(f"errors/{status}.html").render(context)
    response = HttpResponse(content, status=status)
    # What went wrong is of this moment (a 503 above all): no proxy or browser keeps it.
    add_never_cache_headers(response)
    return response


def handler400(request, exception=None):
    return _page(request, 400, "Bad Request")


def handler403(request, exception=None):
    return _page(request, 403, "Forbidden")


def handler404(request, exception=None):
    return _page(request, 404, "Not Found")


def handler500(request):
    return _page(request, 500, "Internal error.")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the 403 page, telling why a form was refused."""
    return _page(request, 403, "Forbidden", {"form_refused": True})


def service_unavailable(request):
    """Throttled forms while the shared cache is down (ThrottleUnavailableMiddleware)."""
    response = _page(request, 503, "Service temporarily unavailable.")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
