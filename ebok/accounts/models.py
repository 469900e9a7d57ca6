from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A login: a customer's account (tied to a Customer) or a member of staff (no customer).

    A customer's username is their customer number; they log in with it on the portal's form.
    """

    customer = models.OneToOneField(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="account",
    )
    temporary_password_expires_at = models.DateTimeField(
        _("temporary password expires"),
        null=True,
        blank=True,
        help_text=_("Set while the password is a temporary one that the customer must change."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def has_temporary_password(self) -> bool:
        return self.temporary_password_expires_at is not None

    @property
    def temporary_password_expired(self) -> bool:
        return self.has_temporary_password and self.temporary_password_expires_at <= timezone.now()
