"""What the core makes searchable: organisations by name and short name."""

from __future__ import annotations

from django.urls import reverse

from kechuang.core.models import Organisation
from kechuang.core.search_index import SearchKind, register
from kechuang.core.selectors import visible_organisations

register(SearchKind(
    kind="organisation",
    queryset=lambda: Organisation.objects.all(),
    text=lambda org: f"{org.name} {org.short_name}",
    url=lambda org: reverse("core:organisation_detail", args=[org.pk]),
    visible=visible_organisations,
))
