from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

customer_number_validator = RegexValidator(
    r"^[0-9]{1,20}$", _("A customer number is made of digits only, e.g. 001234.")
)


def normalize_customer_number(raw: str) -> str:
    """What a customer typed as their number, as stored: spaces around it do not count."""
    return (raw or "").strip()


class Customer(models.Model):
    """A person or company with a supply contract: the one who logs in to the portal."""

    number = models.CharField(
        _("customer number"),
        max_length=20,
        unique=True,
        validators=[customer_number_validator],
        help_text=_("Digits, leading zeros kept, e.g. 001234."),
    )
    name = models.CharField(_("name or company name"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    street = models.CharField(_("street and number"), max_length=200)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    @property
    def address(self) -> str:
        """One line, as the seed shows it: "07-100 Węgrów, ul. Wyszyńskiego 1"."""
        return f"{self.postal_code} {self.city}, {self.street}"
