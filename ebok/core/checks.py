from django.conf import settings
from django.core.checks import Warning, register


@register()
def password_length_check(app_configs, **kwargs):
    if settings.PASSWORD_MIN_LENGTH < 8:
        return [
            Warning(
                f"PASSWORD_MIN_LENGTH is {settings.PASSWORD_MIN_LENGTH}; at least 8 is recommended "
                "(OWASP ASVS 6.2.1).",
                id="ebok.W001",
            )
        ]
    return []


@register(deploy=True)
def shared_cache_check(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("LocMemCache"):
        return [
            Warning(
                "The cache is local to each process, so login throttling is not shared between "
                "app servers or workers. Set REDIS_URL.",
                id="ebok.W002",
            )
        ]
    return []


@register(deploy=True)
def queued_email_check(app_configs, **kwargs):
    backend = settings.TASKS["default"]["BACKEND"]
    if backend.endswith("ImmediateBackend"):
        return [
            Warning(
                "TASKS_BACKEND is immediate: e-mail is sent inside requests, which makes forms "
                "slower for known customers than for unknown ones. Set TASKS_BACKEND=database "
                "and run `manage.py db_worker`.",
                id="ebok.W003",
            )
        ]
    return []


@register(deploy=True)
def accessibility_dates_check(app_configs, **kwargs):
    """The declaration the law asks for shows "not given" until these dates are set."""
    missing = [
        name
        for name in ["ACCESSIBILITY_PUBLISHED", "ACCESSIBILITY_UPDATED", "ACCESSIBILITY_PREPARED"]
        if getattr(settings, name) is None
    ]
    if missing:
        return [
            Warning(
                f"The accessibility declaration has no {', '.join(missing)}: set the dates "
                "(YYYY-MM-DD) before the portal goes public (docs/public-pages.md).",
                id="ebok.W004",
            )
        ]
    return []
