import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

from ebok.accounts import throttle
from ebok.core import errors

logger = logging.getLogger(__name__)

REMEMBER_ME = "ebok_remember_me"
STARTED = "ebok_started"
LAST_SEEN = "ebok_last_seen"
# Writing the session on every request costs a write each; a minute's precision is plenty.
LAST_SEEN_PRECISION = 60


class SessionLifetimeMiddleware:
    """Ends sessions by our own clock, whatever the session store's expiry does.

    Without "remember me" a session ends after SESSION_IDLE_TIMEOUT without a request; with it,
    SESSION_REMEMBER_ME_AGE after the login.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self.enforce(request, int(time.time()))
        return self.get_response(request)

    def enforce(self, request, now):
        session = request.session
        if session.get(REMEMBER_ME):
            if now - session.get(STARTED, now) > settings.SESSION_REMEMBER_ME_AGE:
                logout(request)
            return
        last_seen = session.get(LAST_SEEN, now)
        if now - last_seen > settings.SESSION_IDLE_TIMEOUT:
            logout(request)
            messages.info(
                request,
                _("You were logged out after %(minutes)d minutes without activity.")
                % {"minutes": settings.SESSION_IDLE_TIMEOUT // 60},
            )
        elif LAST_SEEN not in session or now - last_seen >= LAST_SEEN_PRECISION:
            session[LAST_SEEN] = now


def start_session(request, *, remember: bool) -> None:
    """After login: a 30-day cookie when remembered, else one that dies with the browser."""
    now = int(time.time())
    request.session[STARTED] = now
    if remember:
        request.session.set_expiry(settings.SESSION_REMEMBER_ME_AGE)
        request.session[REMEMBER_ME] = True
    else:
        request.session.set_expiry(0)
        request.session[LAST_SEEN] = now


class ThrottleUnavailableMiddleware:
    """A throttled form whose throttle cannot reach the cache answers 503, never 500.

    The throttle raises Unavailable rather than let an attempt through unchecked; this is the
    one place that turns it into the "try again in a few minutes" page, for every throttled
    form there is or will be (login, registration, forgotten password, the office's login).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, throttle.Unavailable):
            return None
        logger.warning(
            "%s %s refused, the throttle is unavailable: %s",
            request.method,
            request.path,
            exception,
        )
        return errors.service_unavailable(request)
