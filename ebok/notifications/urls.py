from django.urls import path

from ebok.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.preferences_view, name="preferences"),
    path("phone/code/", views.phone_code_view, name="phone_code"),
    path("phone/confirm/", views.phone_confirm_view, name="phone_confirm"),
    path("calendar/new/", views.new_feed_view, name="new_feed"),
    path("calendar/<str:token>.ics", views.feed_view, name="feed"),
    path("unsubscribe/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
]
