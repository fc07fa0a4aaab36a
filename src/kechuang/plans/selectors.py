"""Reads of the plans app, with every list loaded in a bounded number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from kechuang.core.search_index import filter_ranked
from kechuang.plans.matching import KnownUnit, match_units
from kechuang.plans.models import Item, Responsibility, Target, WorkPlan


def government_units() -> QuerySet:
    """The organisations a plan's unit names may stand for (bureaus, departments, district bureaus)."""
    from kechuang.core.models import Organisation
    from kechuang.core.roles import GOVERNMENT_KINDS

    return Organisation.objects.filter(kind__in=list(GOVERNMENT_KINDS)).order_by("kind", "name").only("id", "name")


def match_unit_names(names: set[str] | list[str]) -> dict[str, int | None]:
    """Match written unit names to the government organisations, their aliases and region names (3 queries)."""
    from kechuang.core.models import Organisation, OrganisationAlias, Region
    from kechuang.core.roles import GOVERNMENT_KINDS

    if not names:
        return {}
    aliases: dict[int, list[str]] = {}
    for org_id, text in OrganisationAlias.objects.values_list("organisation_id", "text"):
        aliases.setdefault(org_id, []).append(text)
    rows = Organisation.objects.filter(kind__in=list(GOVERNMENT_KINDS)).values_list(
        "id", "name", "short_name", "region__name")
    units = [KnownUnit(pk, name, short, tuple(aliases.get(pk, ())), region) for pk, name, short, region in rows]
    return match_units(names, units, Region.objects.values_list("name", flat=True))


def plan_list(*, q: str = "", status: str = "", year: str = "") -> QuerySet[WorkPlan]:
    qs = WorkPlan.objects.all()
    if status:
        qs = qs.filter(status=status)
    if year.isdigit():
        qs = qs.filter(Q(year=int(year)) | Q(period_start__lte=int(year), period_end__gte=int(year)))
    qs = filter_ranked(qs, "plan", q) if q else qs.order_by("-year", "-created_at", "-id")
    return qs.annotate(n_items=Count("items", distinct=True), n_targets=Count("targets", distinct=True))


@dataclass
class OutlineEntry:
    item: Item
    children: list[OutlineEntry] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    persons: list[Responsibility] = field(default_factory=list)
    lead: list[Responsibility] = field(default_factory=list)
    support: list[Responsibility] = field(default_factory=list)
    chapter: Item | None = None  # the top-level heading the entry sits under, for grouping tables


def plan_outline(plan: WorkPlan) -> tuple[list[OutlineEntry], list[Target]]:
    """The plan's outline as a tree with targets and responsibilities, and its preamble targets (3 queries)."""
    items = list(plan.items.order_by("position").prefetch_related(
        Prefetch("targets", queryset=Target.objects.order_by("position", "id")),
        Prefetch("responsibilities", queryset=Responsibility.objects.select_related("organisation")),
    ))
    entries = {item.pk: OutlineEntry(item=item, targets=list(item.targets.all())) for item in items}
    roots: list[OutlineEntry] = []
    for item in items:
        entry = entries[item.pk]
        for name in item.responsibilities.all():
            getattr(entry, {"person": "persons"}.get(name.role, name.role)).append(name)
        (entries[item.parent_id].children if item.parent_id else roots).append(entry)
    preamble = list(plan.targets.filter(item__isnull=True).order_by("position", "id"))
    return roots, preamble


def responsibility_table(roots: list[OutlineEntry]) -> list[OutlineEntry]:
    """Items of an outline that carry targets or responsibilities, in document order: the plan's tasks."""
    rows: list[OutlineEntry] = []

    def walk(entries: list[OutlineEntry], chapter: Item | None) -> None:
        for entry in entries:
            entry.chapter = chapter
            if entry.targets or entry.lead or entry.support or entry.persons:
                rows.append(entry)
            walk(entry.children, chapter or entry.item)

    walk(roots, None)
    return rows
