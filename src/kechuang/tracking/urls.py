"""Web routes of the tracking app."""

from django.urls import path

from kechuang.tracking import views

app_name = "tracking"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("my/", views.my_tasks, name="my_tasks"),
    path("plans/<int:pk>/", views.plan_tracking, name="plan"),
    path("plans/<int:pk>/prefill/", views.plan_prefill, name="plan_prefill"),
    path("plans/<int:pk>/recompute/", views.plan_recompute, name="plan_recompute"),
    path("plans/<int:pk>/assessment/", views.assessment, name="assessment"),
    path("plans/<int:pk>/export/<str:name>/", views.export, name="export"),
    path("targets/<int:pk>/", views.target_detail, name="target"),
    path("targets/<int:pk>/report/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/<str:name>/", views.report_transition, name="report_transition"),
    path("assessment/", views.assessment_index, name="assessment_index"),
    path("indicators/", views.indicators, name="indicators"),
]
