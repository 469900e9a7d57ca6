from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """The pages anyone may read, logged in or not: contact, the accessibility declaration,
    the privacy policy and the cookies page."""

    name = "ebok.public"
    verbose_name = _("Public pages")
