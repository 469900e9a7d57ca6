from django.urls import path

from ebok.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.info_view, name="info"),
    path("invoices/", views.invoices_view, name="invoices"),
    path("payments/", views.payments_view, name="payments"),
    path("meters/", views.meters_view, name="meters"),
    path("documents/", views.documents_view, name="documents"),
    path("home/", views.overview_view, name="overview"),
]
