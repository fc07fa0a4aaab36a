from django.contrib import admin
from django.urls import include, path

from kechuang.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("plans/", include("kechuang.plans.urls")),
    path("tracking/", include("kechuang.tracking.urls")),
    path("enterprises/", include("kechuang.enterprises.urls")),
    path("projects/", include("kechuang.projects.urls")),
    path("", include("kechuang.core.urls")),
]

handler403 = "kechuang.core.views.permission_denied"
