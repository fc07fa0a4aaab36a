"""What the projects app makes searchable: an application (the project) by its title, summary, applicant
and leader."""

from __future__ import annotations

from django.urls import reverse

from kechuang.core.models import User
from kechuang.core.search_index import SearchKind, register
from kechuang.projects import access
from kechuang.projects.models import Application


def _visible(user: User):
    if access.roles_of(user) & access.OVERSIGHT_ROLES:
        return Application.objects.all()
    return Application.objects.filter(organisation_id=user.organisation_id)


register(SearchKind(
    kind="application",
    queryset=lambda: Application.objects.select_related("organisation"),
    text=lambda app: f"{app.title} {app.summary} {app.organisation.name} {app.leader_name}",
    url=lambda app: reverse("projects:application_detail", args=[app.pk]),
    visible=_visible,
))
