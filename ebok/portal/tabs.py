from django.utils.translation import gettext_lazy as _

# The client panel's tabs: the seed's six in its order, and "Sprawy" (cases) after
# "Dokumenty": (URL name, label, pages that belong to it).
TABS = [
    ("portal:info", _("Information"), {"info"}),
    ("portal:invoices", _("Invoices/charges"), {"invoices", "invoice"}),
    ("portal:payments", _("Payments"), {"payments"}),
    ("portal:meters", _("Points/meters"), {"meters", "meter"}),
    ("portal:documents", _("Documents"), {"documents", "statement"}),
    ("cases:cases", _("Cases"), {"cases", "case", "case_new", "case_file"}),
    ("portal:overview", _("Home page"), {"overview"}),
]
