from django.urls import path

from ebok.accounts import account_views, passkey_views, registration_views, views

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
    path("account/contact/", account_views.contact_view, name="contact"),
    path("account/consents/", account_views.consents_view, name="consents"),
    path("account/security/", account_views.security_view, name="security"),
    path(
        "account/security/end-other-sessions/",
        account_views.end_other_sessions_view,
        name="end_other_sessions",
    ),
    path("account/data/", account_views.my_data_view, name="my_data"),
    path(
        "account/data/<int:pk>/download/",
        account_views.my_data_download_view,
        name="my_data_download",
    ),
    path("account/security/passkeys/add/", passkey_views.passkey_add_view, name="passkey_add"),
    path(
        "account/security/passkeys/add/finish/",
        passkey_views.passkey_finish_view,
        name="passkey_finish",
    ),
    path(
        "account/security/passkeys/<int:pk>/remove/",
        passkey_views.passkey_remove_view,
        name="passkey_remove",
    ),
    path(
        "account/security/passkeys/<int:pk>/rename/",
        passkey_views.passkey_rename_view,
        name="passkey_rename",
    ),
    path(
        "login/passkey/options/",
        passkey_views.passkey_login_options_view,
        name="passkey_login_options",
    ),
    path("login/passkey/", passkey_views.passkey_login_view, name="passkey_login"),
    path("register/", registration_views.register_view, name="register"),
    path("register/sent/", registration_views.register_sent_view, name="register_sent"),
    path("terms/", registration_views.terms_view, name="terms"),
]
