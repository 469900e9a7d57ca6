"""Every cookie the portal sets, as the cookies page lists it. A test visits the pages and
fails on a cookie that is not here, so the page cannot fall behind the code.

Each of them is strictly necessary for the service the customer asked for, and Polish law
(Prawo komunikacji elektronicznej, after the ePrivacy directive) asks for consent only for
cookies that are not, so no consent banner is shown: there is nothing to consent to.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Cookie:
    name: str
    purpose: str
    lifetime: str


def documented_cookies() -> list[Cookie]:
    """In the active language (called while a page is rendered)."""
    return [
        Cookie(
            settings.SESSION_COOKIE_NAME,
            _("Keeps you logged in. Set when you log in, removed when you log out."),
            _(
                "Until the browser is closed, and the session ends after %(minutes)d minutes "
                "without activity; with “Remember me?” 30 days."
            )
            % {"minutes": settings.SESSION_IDLE_TIMEOUT // 60},
        ),
        Cookie(
            settings.CSRF_COOKIE_NAME,
            _("Protects the forms against being sent from other websites (CSRF)."),
            _("One year."),
        ),
        Cookie(
            settings.LANGUAGE_COOKIE_NAME,
            _("Remembers the language chosen in the footer."),
            _("Until the browser is closed."),
        ),
    ]
