from django.urls import path

from ebok.public import views

app_name = "public"

# Polish addresses, as Polish public bodies publish these pages; the content follows the
# language chosen in the footer.
urlpatterns = [
    path("kontakt/", views.contact_view, name="contact"),
    path("deklaracja-dostepnosci/", views.accessibility_view, name="accessibility"),
    path("polityka-prywatnosci/", views.privacy_view, name="privacy"),
    path("polityka-prywatnosci/<int:version>/", views.privacy_view, name="privacy_version"),
    path("cookies/", views.cookies_view, name="cookies"),
]
