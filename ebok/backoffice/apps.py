from django.apps import AppConfig
from django.apps import apps as global_apps
from django.contrib.admin import apps as admin_apps
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


class OfficeAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the office's site as `admin.site`: every model registered with
    @admin.register sits behind the office's door (ebok/backoffice/site.py)."""

    default = False  # installed by its path; "ebok.backoffice" itself is BackofficeConfig
    default_site = "ebok.backoffice.site.OfficeSite"

    def ready(self):
        super().ready()  # registers every app's admin
        from django.contrib import admin
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice
        from django_tasks_db.models import DBTaskResult

        # django-otp's own pages show and take the devices' secrets, and a key typed in by
        # somebody else is no second factor. An administrator removes a staff member's app from
        # the user list instead (ebok/accounts/admin.py); they set up a new one themselves.
        admin.site.unregister([TOTPDevice, StaticDevice])
        # The background jobs' results (e-mails, exports) are no clerk's work: a notice's fate
        # is on the customer's page (ebok/notifications), and an administrator follows the
        # worker's log. Their pages exist only in English, so the office does not show them.
        admin.site.unregister(DBTaskResult)
