"""Payment providers: one small module per provider, each a class with the hooks of
providers.base.Provider. settings.PAYMENT_PROVIDER names the one in use ("none": the portal
shows transfer details only). docs/payments.md says how to add another.
"""

from django.conf import settings

from ebok.payments.providers.base import Provider


def configured() -> Provider | None:
    """The provider this deployment uses, or None when online payments are off."""
    if settings.PAYMENT_PROVIDER == "przelewy24":
        from ebok.payments.providers.przelewy24 import Przelewy24

        return Przelewy24.from_settings()
    return None


def by_name(name: str) -> Provider | None:
    """The configured provider if it is the one named (a notification's URL names it)."""
    provider = configured()
    return provider if provider is not None and provider.name == name else None
