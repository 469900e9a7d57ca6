from django.urls import path

from ebok.accounts import registration_views, views

app_name = "accounts"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("numbers/switch/", views.switch_number_view, name="switch_number"),
    path("password/change/", views.password_change_view, name="password_change"),
    path("password/changed/", views.password_changed_view, name="password_changed"),
    path("password/forgotten/", views.password_forgotten_view, name="password_forgotten"),
    path("password/forgotten/sent/", views.password_reset_sent_view, name="password_reset_sent"),
    path(
        "password/reset/<str:uidb64>/<str:token>/",
        views.password_reset_confirm_view,
        name="password_reset_confirm",
    ),
    path("email/confirm/<str:token>/", views.email_confirm_view, name="email_confirm"),
    path("register/", registration_views.register_view, name="register"),
    path("register/sent/", registration_views.register_sent_view, name="register_sent"),
    path("terms/", registration_views.terms_view, name="terms"),
]
