"""Web routes of the projects app."""

from django.urls import path

from kechuang.projects import views
from kechuang.projects.urls_setup import urlpatterns as setup_urlpatterns

app_name = "projects"

urlpatterns = [
    path("", views.call_list, name="call_list"),
    path("calls/<int:pk>/", views.call_detail, name="call_detail"),
    path("calls/<int:pk>/apply/", views.application_start, name="application_start"),
    path("calls/<int:pk>/applications/", views.call_applications, name="call_applications"),
    path("calls/<int:pk>/action/", views.call_action, name="call_action"),
    path("calls/<int:pk>/ranking/", views.ranking, name="ranking"),
    path("calls/<int:pk>/awards.xlsx", views.export_awards, name="export_awards"),
    path("calls/<int:pk>/assignments.xlsx", views.export_assignments, name="export_assignments"),
    path("mine/", views.my_applications, name="my_applications"),
    path("queue/", views.officer_queue, name="officer_queue"),
    path("reviews/", views.expert_queue, name="expert_queue"),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("applications/<int:pk>/submit/", views.application_submit, name="application_submit"),
    path("applications/<int:pk>/action/", views.application_action, name="application_action"),
    path("applications/<int:pk>/step/<str:code>/", views.application_step, name="application_step"),
    path("applications/<int:pk>/review/", views.review_form, name="review_form"),
    path("applications/<int:pk>/reviewers/", views.reviewers, name="reviewers"),
    path("applications/<int:pk>/timeline/", views.timeline, name="timeline"),
    *setup_urlpatterns,
]
