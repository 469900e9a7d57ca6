import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

REMEMBER_ME = "ebok_remember_me"
LAST_SEEN = "ebok_last_seen"
# Writing the session on every request costs a write each; a minute's precision is plenty.
LAST_SEEN_PRECISION = 60


class IdleSessionMiddleware:
    """Ends a session that was not "remembered" after SESSION_IDLE_TIMEOUT without a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and not request.session.get(REMEMBER_ME):
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN, now)
            if now - last_seen > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                messages.info(
                    request,
                    _("You were logged out after %(minutes)d minutes without activity.")
                    % {"minutes": settings.SESSION_IDLE_TIMEOUT // 60},
                )
            elif LAST_SEEN not in request.session or now - last_seen >= LAST_SEEN_PRECISION:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


def start_session(request, *, remember: bool) -> None:
    """After login: a 30-day cookie when remembered, else one that dies with the browser."""
    if remember:
        request.session.set_expiry(settings.SESSION_REMEMBER_ME_AGE)
        request.session[REMEMBER_ME] = True
    else:
        request.session.set_expiry(0)
        request.session[LAST_SEEN] = int(time.time())
