from django.utils.translation import gettext_lazy as _

# The client panel's tabs, in the seed's order: (URL name, label, pages that belong to it).
TABS = [
    ("portal:info", _("Information"), {"info"}),
    ("portal:invoices", _("Invoices/charges"), {"invoices", "invoice"}),
    ("portal:payments", _("Payments"), {"payments"}),
    ("portal:meters", _("Points/meters"), {"meters", "meter"}),
    ("portal:documents", _("Documents"), {"documents"}),
    ("portal:overview", _("Home page"), {"overview"}),
]
