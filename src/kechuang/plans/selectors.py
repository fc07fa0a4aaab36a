"""Reads of the plans app, with every list loaded in a bounded number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from kechuang.core.actors import actor_of
from kechuang.core.models import User
from kechuang.core.search_index import filter_ranked
from kechuang.core.selectors import organisation_scope
from kechuang.plans.matching import KnownUnit, match_units
from kechuang.plans.models import Item, Responsibility, SourceDocument, Target, WorkPlan
from kechuang.plans.permissions import PlanAction, decide_plan


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


# What a list row shows; never the preamble, never the document's text (a list of 500 drafts once
# loaded 500 copies of a 5 MB text and timed out for everyone).
LIST_FIELDS = ("id", "title", "issuer", "year", "period_start", "period_end", "status", "source_name",
               "created_at", "confirmed_at", "owner_id", "created_by_id")


def plan_scope(user: User) -> Q | None:
    """The SQL twin of who may see which plan; None = nothing.

    Like enterprises (``organisation_scope``): plans owned by an organisation of the user's region (a
    district user sees its own district's plans, a city planner the city's and its districts'), plus
    confirmed plans that give the user's unit a task, as lead or supporting unit, by the plan's own
    responsibility notes or by a tracking assignment.
    """
    if not decide_plan(actor_of(user), PlanAction.VIEW).allowed:
        return None
    scope = organisation_scope(user, "owner__")
    if scope is None:
        return None
    if scope == Q():
        return scope
    org = user.organisation_id
    if org is None:
        return scope
    tasked = (Q(pk__in=Responsibility.objects.filter(organisation_id=org).values("item__plan_id"))
              | Q(pk__in=Target.objects.filter(assignment__lead_unit_id=org).values("plan_id"))
              | Q(pk__in=Target.objects.filter(assignment__supporting_units=org).values("plan_id")))
    return scope | (Q(status=WorkPlan.Status.CONFIRMED) & tasked)


def visible_plans(user: User) -> QuerySet[WorkPlan]:
    """Plans ``user`` may see (the tracking app reuses this for its own scope)."""
    scope = plan_scope(user)
    return WorkPlan.objects.none() if scope is None else WorkPlan.objects.filter(scope)


def is_visible(user: User, plan: WorkPlan) -> bool:
    scope = plan_scope(user)
    return scope is not None and WorkPlan.objects.filter(scope, pk=plan.pk).exists()


def _count(model: type[Item] | type[Target]) -> Coalesce:
    rows = model.objects.filter(plan=OuterRef("pk")).order_by().values("plan").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def plan_list(user: User, *, q: str = "", status: str = "", year: str = "") -> QuerySet[WorkPlan]:
    """The plans table: only the columns a row shows, counts by subquery (no join of items × targets)."""
    qs = visible_plans(user).only(*LIST_FIELDS).annotate(n_items=_count(Item), n_targets=_count(Target))
    if status:
        qs = qs.filter(status=status)
    if year.isdigit():
        qs = qs.filter(Q(year=int(year)) | Q(period_start__lte=int(year), period_end__gte=int(year)))
    return filter_ranked(qs, "plan", q) if q else qs.order_by("-year", "-created_at", "-id")


def plan_source_text(plan: WorkPlan) -> str:
    """This plan's part of its stored document, for the review page (the only reader of the text)."""
    if plan.document_id is None:
        return ""
    text = SourceDocument.objects.filter(pk=plan.document_id).values_list("text", flat=True).first() or ""
    return text[plan.source_start:plan.source_end]


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
