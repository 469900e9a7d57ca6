from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _update_roles(sender, using, apps=global_apps, **kwargs):
    from ebok.backoffice.roles import setup_roles

    setup_roles(apps, using=using)


class BackofficeConfig(AppConfig):
    name = "ebok.backoffice"
    verbose_name = _("Customer office")

    def ready(self):
        # After every migrate (and flush, as in the browser tests), so that the Administrator
        # also gets the permissions of apps installed after the roles were first set up.
        post_migrate.connect(_update_roles, sender=self, dispatch_uid="ebok.backoffice.roles")
