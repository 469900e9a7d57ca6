"""The sections of "My account", in the order the section navigation shows them: one list, so
a new section (e.g. notification preferences) is added here alone."""

from django.utils.translation import gettext_lazy as _

# (URL name, label, URL names of the pages that belong to it)
SECTIONS = [
    ("accounts:password_change", _("Password change"), {"password_change", "password_changed"}),
    ("accounts:contact", _("Contact data"), {"contact"}),
    ("accounts:consents", _("Consents"), {"consents"}),
    ("accounts:security", _("Security"), {"security"}),
    ("accounts:my_data", _("My data"), {"my_data"}),
    ("notifications:preferences", _("Notifications"), {"preferences"}),
]
