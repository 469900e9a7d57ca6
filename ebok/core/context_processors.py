from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse
from django.utils import timezone


def utility(request):
    """The utility's name and contact for every page, e-mail and error page (request may be
    None: e-mails are rendered outside a request's context processors)."""
    return {
        "utility": {
            "name": settings.UTILITY_NAME,
            "address": settings.UTILITY_ADDRESS,
            "phone": settings.UTILITY_PHONE,
            "email": settings.UTILITY_EMAIL,
            "website": settings.UTILITY_WEBSITE,
            "office_hours": settings.UTILITY_OFFICE_HOURS,
            "customer_office_hours": settings.UTILITY_CUSTOMER_OFFICE_HOURS,
            "emergency_phone": settings.UTILITY_EMERGENCY_PHONE,
        },
        "accessibility_statement_url": absolute_url(request, reverse("public:accessibility")),
        "current_year": timezone.localdate().year,
    }


def absolute_url(request, path: str) -> str:
    """A full address, for e-mails and the declaration's meta tag: SITE_URL, or the address
    the request came to; the bare path when there is neither."""
    if settings.SITE_URL:
        return settings.SITE_URL + path
    if request is not None:
        try:
            return request.build_absolute_uri(path)
        except DisallowedHost:
            pass  # the 400 page for a request to a host that is not ours: no host to name
    return path
