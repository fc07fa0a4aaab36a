"""Routes of the officer's set-up pages (kept apart from the application workflow's routes)."""

from django.urls import path

from kechuang.projects import views_setup as v

urlpatterns = [
    path("programmes/", v.programme_list, name="programme_list"),
    path("programmes/new/", v.programme_edit, name="programme_new"),
    path("programmes/<int:pk>/edit/", v.programme_edit, name="programme_edit"),
    path("programmes/<int:programme_pk>/calls/new/", v.call_edit, name="call_new"),
    path("calls/<int:pk>/edit/", v.call_edit, name="call_edit"),
    path("experts/", v.expert_list, name="expert_list"),
    path("experts/new/", v.expert_edit, name="expert_new"),
    path("experts/<int:pk>/edit/", v.expert_edit, name="expert_edit"),
    path("integrity/", v.integrity_list, name="integrity_list"),
    path("integrity/new/", v.integrity_edit, name="integrity_new"),
    path("integrity/<int:pk>/edit/", v.integrity_edit, name="integrity_edit"),
]
