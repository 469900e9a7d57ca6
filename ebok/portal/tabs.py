from django.utils.translation import gettext_lazy as _

# The client panel's tabs, in the seed's order: (URL name, label).
TABS = [
    ("portal:info", _("Information")),
    ("portal:invoices", _("Invoices/charges")),
    ("portal:payments", _("Payments")),
    ("portal:meters", _("Points/meters")),
    ("portal:documents", _("Documents")),
    ("portal:overview", _("Home page")),
]
