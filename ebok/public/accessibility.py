"""The accessibility declaration ("Deklaracja dostępności"), as the Ministry of Digital Affairs'
"Warunki techniczne publikacji i struktura dokumentu elektronicznego deklaracji dostępności"
(version 2.0, 31 July 2024) prescribes it: its parts carry fixed ids, which the Ministry's
monitoring reads; the template (templates/public/accessibility.html) places them.

Its variable parts come from the ACCESSIBILITY_* settings (README, docs/public-pages.md).
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

# The ids every declaration of a website carries (a test checks the page for each).
REQUIRED_IDS = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-data-przeglad",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-architektura",
    "a11y-aplikacje",
]
# Present only when it applies: who audited the portal (a self-assessment has none).
# "a11y-ocena" (the analysis of a disproportionate burden) is never claimed by the portal.
CONDITIONAL_IDS = ["a11y-audytor"]

STATUS_TEXTS = {
    "full": _(
        "This website is fully compliant with the Act of 4 April 2019 on the digital "
        "accessibility of websites and mobile applications of public entities."
    ),
    "partial": _(
        "This website is partially compliant with the Act of 4 April 2019 on the digital "
        "accessibility of websites and mobile applications of public entities, due to the "
        "non-compliances listed below."
    ),
    "none": _(
        "This website is not compliant with the Act of 4 April 2019 on the digital "
        "accessibility of websites and mobile applications of public entities, due to the "
        "non-compliances listed below."
    ),
}


def declaration() -> dict:
    return {
        "published": settings.ACCESSIBILITY_PUBLISHED,
        "updated": settings.ACCESSIBILITY_UPDATED,
        "prepared": settings.ACCESSIBILITY_PREPARED,
        "reviewed": settings.ACCESSIBILITY_REVIEWED or settings.ACCESSIBILITY_PREPARED,
        "checked": settings.ACCESSIBILITY_CHECKED,
        "status": settings.ACCESSIBILITY_STATUS,
        "status_text": STATUS_TEXTS[settings.ACCESSIBILITY_STATUS],
        "auditor": settings.ACCESSIBILITY_AUDITOR,
        "contact_name": settings.ACCESSIBILITY_CONTACT_NAME,
        "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
        "contact_phone": settings.ACCESSIBILITY_CONTACT_PHONE,
        "building": settings.ACCESSIBILITY_BUILDING,
    }
