from django.apps import AppConfig
from django.db.models.signals import post_delete, pre_save
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ebok.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from ebok.accounts import two_factor

        # A change of the second factor ends the user's sessions, as a new password does.
        for model in (TOTPDevice, StaticDevice):
            pre_save.connect(
                two_factor.end_sessions_on_device_change,
                sender=model,
                dispatch_uid=f"ebok.two_factor.save.{model.__name__}",
            )
            post_delete.connect(
                two_factor.end_sessions_on_device_delete,
                sender=model,
                dispatch_uid=f"ebok.two_factor.delete.{model.__name__}",
            )
