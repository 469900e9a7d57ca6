from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from ebok.accounts.views import login_view
from ebok.integration.api import api

urlpatterns = [
    path("", login_view, name="home"),
    path("", include("ebok.accounts.urls")),
    path("panel/", include("ebok.portal.urls")),
    path("", include("ebok.public.urls")),
    path("", include("ebok.payments.urls")),
    path("account/notifications/", include("ebok.notifications.urls")),
    path("panel/cases/", include("ebok.cases.urls")),
    path("language/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

handler400 = "ebok.core.errors.handler400"
handler403 = "ebok.core.errors.handler403"
handler404 = "ebok.core.errors.handler404"
handler500 = "ebok.core.errors.handler500"
