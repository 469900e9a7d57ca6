from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ebok.core"

    def ready(self) -> None:
        from ebok.core import checks  # noqa: F401 - registers the system checks
