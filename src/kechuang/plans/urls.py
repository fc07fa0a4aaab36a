"""Web routes of the plans app."""

from django.urls import path

from kechuang.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("import/", views.plan_import, name="plan_import"),
    path("imports/<int:pk>/", views.import_job, name="import_job"),
    path("discard/", views.plans_discard, name="plans_discard"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("<int:pk>/review/", views.plan_review, name="plan_review"),
    path("<int:pk>/confirm/", views.plan_confirm, name="plan_confirm"),
    path("<int:pk>/discard/", views.plan_discard, name="plan_discard"),
    path("targets/<int:pk>/", views.target_row, name="target_row"),
    path("targets/<int:pk>/edit/", views.target_edit, name="target_edit"),
    path("targets/<int:pk>/delete/", views.target_delete, name="target_delete"),
    path("items/<int:pk>/targets/", views.target_add, name="target_add"),
    path("items/<int:pk>/responsibilities/", views.responsibility_add, name="responsibility_add"),
    path("responsibilities/<int:pk>/delete/", views.responsibility_remove, name="responsibility_remove"),
    path("responsibilities/<int:pk>/match/", views.responsibility_match, name="responsibility_match"),
]
