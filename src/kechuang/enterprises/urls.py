"""Web routes of the enterprises app."""

from django.urls import path

from kechuang.enterprises import views

app_name = "enterprises"

urlpatterns = [
    path("", views.registry, name="registry"),
    path("mine/", views.mine, name="mine"),
    path("pool/", views.pool, name="pool"),
    path("tiers/", views.tiers, name="tiers"),
    path("import/", views.import_file, name="import"),
    path("import/template.xlsx", views.import_template, name="import_template"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/profile/", views.profile_edit, name="profile_edit"),
    path("<int:pk>/figures/new/", views.figures_edit, name="figures_new"),
    path("<int:pk>/figures/<int:year>/", views.figures_edit, name="figures_edit"),
    path("<int:pk>/ip/new/", views.ip_add, name="ip_add"),
    path("<int:pk>/qualifications/new/", views.qualification_add, name="qualification_add"),
    path("<int:pk>/assessment/", views.assessment, name="assessment"),
    path("<int:pk>/deduction/", views.deduction, name="deduction"),
    path("<int:pk>/pool/", views.pool_select, name="pool_select"),
]
