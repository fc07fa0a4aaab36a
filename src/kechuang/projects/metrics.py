"""Figures of the programme cycle in the core metrics registry, so plan targets such as
"支持企业承担各级各类科技项目200项以上" bind to live data."""

from __future__ import annotations

from django.db.models import QuerySet, Sum

from kechuang.core.metrics import registry
from kechuang.core.permissions import region_prefix
from kechuang.i18n import gettext_noop

DIMENSIONS = ("programme", "region", "field", "year")
AWARDED_STATES = ("awarded", "contract_drafted", "contract_signed", "in_progress", "midterm_checked",
                  "acceptance_requested", "accepted", "failed_acceptance", "evaluated", "closed")


def _filtered(qs: QuerySet, programme: int | str | None = None, region: str | None = None,
              field: str | None = None, year: int | str | None = None) -> QuerySet:
    if programme:
        qs = qs.filter(call__programme_id=programme)
    if region:
        qs = qs.filter(organisation__region__code__startswith=region_prefix(str(region)))
    if field:
        qs = qs.filter(field__startswith=field)
    if year:
        qs = qs.filter(call__year=int(year))
    return qs


def _applications() -> QuerySet:
    from kechuang.projects.models import Application

    return Application.objects.exclude(state__in=("draft", "withdrawn"))


@registry.register("projects.application_count", label=gettext_noop("Programme applications"),
                   unit="项", dimensions=DIMENSIONS,
                   description="Applications filed to the bureau's calls (drafts and withdrawals excluded).",
                   keywords=("申报", "项目申报"))
def application_count(**filters: object) -> int:
    return _filtered(_applications(), **filters).count()


@registry.register("projects.award_count", label=gettext_noop("Projects awarded"),
                   unit="项", dimensions=DIMENSIONS,
                   description="Applications awarded funding, whatever happened afterwards.",
                   keywords=("立项", "科技项目", "承担"))
def award_count(**filters: object) -> int:
    return _filtered(_applications().filter(state__in=AWARDED_STATES), **filters).count()


@registry.register("projects.funding_amount", label=gettext_noop("Funding awarded"),
                   unit="万元", dimensions=DIMENSIONS,
                   description="Sum of awarded amounts, in ten-thousand yuan.", keywords=("资助", "经费", "财政科技"))
def funding_amount(**filters: object) -> float:
    total = _filtered(_applications().filter(state__in=AWARDED_STATES), **filters).aggregate(
        s=Sum("awarded_amount"))["s"]
    return float(total or 0) / 10_000
