from django.conf import settings
from django.utils import timezone


def utility(request):
    return {
        "utility": {
            "name": settings.UTILITY_NAME,
            "address": settings.UTILITY_ADDRESS,
            "phone": settings.UTILITY_PHONE,
            "email": settings.UTILITY_EMAIL,
            "website": settings.UTILITY_WEBSITE,
        },
        "current_year": timezone.localdate().year,
    }
