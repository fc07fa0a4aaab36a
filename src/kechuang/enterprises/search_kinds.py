"""What the enterprises app makes searchable: an enterprise by its names, main products and field."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from kechuang.core.search_index import SearchKind, register
from kechuang.enterprises.models import EnterpriseProfile
from kechuang.enterprises.selectors import visible_profiles


def _text(profile: EnterpriseProfile) -> str:
    # The field is indexed by its Chinese name whatever language the indexing request ran in.
    with translation.override("zh-hans"):
        field = str(profile.get_main_field_display()) if profile.main_field else ""
    org = profile.organisation
    return f"{org.name} {org.short_name} {profile.main_product} {field}"


register(SearchKind(
    kind="enterprise",
    queryset=lambda: EnterpriseProfile.objects.select_related("organisation"),
    text=_text,
    url=lambda profile: reverse("enterprises:detail", args=[profile.organisation_id]),
    visible=visible_profiles,
))
