from django.urls import path

from ebok.payments import views

app_name = "payments"

urlpatterns = [
    path("panel/pay/", views.pay_view, name="pay"),
    path("panel/pay/invoices/<int:pk>/", views.pay_view, name="pay_invoice"),
    path("panel/pay/numbers/", views.pay_numbers_view, name="pay_numbers"),
    path("panel/pay/<uuid:session_id>/", views.status_view, name="status"),
    path("panel/pay/<uuid:session_id>/cancel/", views.cancel_view, name="cancel"),
    path("payments/<slug:provider_name>/notify/", views.notify_view, name="notify"),
]
