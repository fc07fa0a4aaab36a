from django.contrib.auth import views as auth_views
from django.urls import path

from kechuang.core import views

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<int:pk>/upload/", views.organisation_upload, name="organisation_upload"),
    path("organisations/<int:pk>/aliases/", views.organisation_alias_add, name="organisation_alias_add"),
    path("organisations/<int:pk>/aliases/<int:alias_pk>/delete/", views.organisation_alias_remove,
         name="organisation_alias_remove"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("audit/", views.audit_list, name="audit_list"),
    path("notifications/", views.notification_list, name="notifications"),
    path("jobs/", views.job_list, name="jobs"),
    path("jobs/<str:name>/run/", views.job_run, name="job_run"),
]
