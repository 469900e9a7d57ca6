"""The admin site of the customer office: Django's, behind the office's door.

`admin.site` is an OfficeSite (OfficeAdminConfig in ebok/backoffice/apps.py). Its pages open
only to active staff whose session passed the second factor (ebok/accounts/two_factor.py);
the login and its second step are ebok/backoffice/views.py. Which networks may reach the
admin at all is ebok/backoffice/middleware.py.
"""

from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from ebok.accounts import two_factor
from ebok.backoffice import grammar


class OfficeSite(admin.AdminSite):
    site_header = _("eBOK: customer office")
    site_title = _("eBOK administration")
    index_title = _("Customer office")

    # The sections in the order of a clerk's work: the customer and their cases first, what
    # the customer was billed and paid, what they were told, then the administrator's own.
    # An app not listed follows in Django's order.
    FIRST_APPS = [
        "customers",
        "cases",
        "billing",
        "payments",
        "notifications",
        "content",
        "accounts",
        "audit",
        "integration",
        "auth",
    ]

    def __init__(self, name="admin"):
        super().__init__(name)
        # Deleting a selection speaks of the model in its own forms (ebok/backoffice/grammar.py).
        self._actions["delete_selected"] = grammar.delete_selected
        self._global_actions["delete_selected"] = grammar.delete_selected

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every ModelAdmin, ours and other apps', gets its titles in the declared forms."""
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, grammar.GrammarAdminMixin):
            attributes = {"__module__": admin_class.__module__, "__doc__": admin_class.__doc__}
            bases = (grammar.GrammarAdminMixin, admin_class)
            admin_class = type(admin_class.__name__, bases, attributes)
        super().register(model_or_iterable, admin_class, **options)

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        first = {label: position for position, label in enumerate(self.FIRST_APPS)}
        return sorted(apps, key=lambda app: first.get(app["app_label"], len(first)))

    def index(self, request, extra_context=None):
        from ebok.backoffice import today

        extra_context = {**(extra_context or {}), "today_figures": today.figures(request.user)}
        return super().index(request, extra_context)

    def has_permission(self, request):
        return super().has_permission(request) and two_factor.passed(request)

    def login(self, request, extra_context=None):
        from ebok.backoffice import views

        request.current_app = self.name
        return views.login_view(request, self)

    def get_urls(self):
        from ebok.backoffice import views

        def step(view):
            def wrapper(request):
                request.current_app = self.name
                return view(request, self)

            return wrapper

        # Not behind admin_view: these are the pages of a user who is not through the door yet,
        # logout included (admin_view would send them back to the login instead).
        door = [
            path("login/code/", step(views.code_view), name="login_code"),
            path("login/setup/", step(views.enrol_view), name="login_enrol"),
            path("logout/", self.logout, name="logout"),
        ]
        return door + super().get_urls()
