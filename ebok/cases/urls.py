from django.urls import path

from ebok.cases import views

app_name = "cases"

# URL names are those of the client panel's tab ("cases", ebok/portal/tabs.py).
urlpatterns = [
    path("", views.case_list_view, name="cases"),
    path("new/", views.case_new_view, name="case_new"),
    path("new/<slug:code>/", views.case_file_view, name="case_file"),
    path("<int:pk>/", views.case_detail_view, name="case"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/",
        views.case_attachment_view,
        name="case_attachment",
    ),
]
