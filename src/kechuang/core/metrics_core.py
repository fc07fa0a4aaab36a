"""Metrics the core itself can compute."""

from __future__ import annotations

from kechuang.core.metrics import registry
from kechuang.core.permissions import region_prefix
from kechuang.i18n import gettext_noop


@registry.register(
    "core.organisation_count",
    label=gettext_noop("Organisations"),
    unit="家",
    dimensions=("kind", "region"),
    description="Registered organisations, by type and region (a region includes its subdivisions).",
    keywords=("企业", "单位", "机构"),
)
def organisation_count(kind: str | None = None, region: str | None = None) -> int:
    from kechuang.core.models import Organisation

    qs = Organisation.objects.all()
    if kind:
        qs = qs.filter(kind=kind)
    if region:
        qs = qs.filter(region__code__startswith=region_prefix(region))
    return qs.count()
