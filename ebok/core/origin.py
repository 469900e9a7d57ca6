"""Where a request came from, in a form a background task can carry (JSON) and the audit log and
e-mail links can use after the request is gone."""

from dataclasses import asdict, dataclass

from django.conf import settings
from django.utils import translation

from ebok.core.middleware import client_ip


@dataclass(frozen=True)
class Origin:
    ip_address: str | None = None
    user_agent: str = ""
    site_root: str = ""  # e.g. https://ebok.example.pl, for links in e-mails
    language: str = settings.LANGUAGE_CODE

    @classmethod
    def of(cls, request) -> "Origin":
        return cls(
            ip_address=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
            site_root=settings.SITE_URL or request.build_absolute_uri("/").rstrip("/"),
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )

    def url(self, path: str) -> str:
        return (settings.SITE_URL or self.site_root) + path

    def as_dict(self) -> dict:
        return asdict(self)
