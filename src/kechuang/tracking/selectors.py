"""Reads of the tracking app. Pages read precomputed snapshots and aggregate in the database, so each
page costs a fixed number of queries whatever the number of targets."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import TruncMonth

from kechuang.core.models import Organisation, User
from kechuang.plans.models import Item, Target, WorkPlan
from kechuang.tracking.engine import (
    AssessedTarget,
    Node,
    ReportingPeriod,
    Rollup,
    ScoringRule,
    Status,
    UnitScore,
    assess,
    explain,
    rollup,
    rollup_by_unit,
)
from kechuang.tracking.models import (
    Assessment,
    AssessmentWeight,
    Assignment,
    MetricReading,
    ProgressReport,
    ReminderSent,
    StatusSnapshot,
    TargetLink,
)
from kechuang.tracking.specs import SPEC_FIELDS, current_period, periods_between, spec_from_row

STATUSES = [s.value for s in Status]
RISK = (Status.AT_RISK.value, Status.BEHIND.value)


# --- my tasks ---------------------------------------------------------------------------------------------


@dataclass
class TaskRow:
    assignment: Assignment
    role: str  # "lead" or "support"
    period_key: str | None
    due: dt.date | None
    report: ProgressReport | None
    late: list[str] = field(default_factory=list)  # closed periods without a submitted report


def unit_assignments(org_id: int) -> QuerySet[Assignment]:
    return (Assignment.objects.filter(Q(lead_unit_id=org_id) | Q(supporting_units=org_id)).distinct()
            .select_related("target", "plan", "lead_unit", "snapshot").order_by("deadline", "id"))


def task_rows(user: User, assignments: list[Assignment], today: dt.date) -> list[TaskRow]:
    """What is due for each of a page of the unit's targets (one query for their reports)."""
    org_id = user.organisation_id
    reports: dict[tuple[int, str], ProgressReport] = {
        (r.assignment_id, r.period_key): r
        for r in ProgressReport.objects.filter(assignment__in=assignments, unit_id=org_id)}
    rows = []
    for assignment in assignments:
        periods = periods_between(assignment.period_start, assignment.period_end, assignment.frequency)
        current = current_period(periods, today)
        late = [p.key for p in periods if p.is_closed(today) and not _filed(reports.get((assignment.pk, p.key)))]
        rows.append(TaskRow(
            assignment, "lead" if assignment.lead_unit_id == org_id else "support",
            current.key if current else None, current.due if current else None,
            reports.get((assignment.pk, current.key)) if current else None, late))
    return rows


def _filed(report: ProgressReport | None) -> bool:
    return report is not None and report.state in (ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED)


# --- roll-ups ---------------------------------------------------------------------------------------------


@dataclass
class Tree:
    root: Rollup
    labels: dict[str, str]
    units: dict[str, Rollup]


def plan_tree(plan: WorkPlan) -> Tree:
    """The plan's outline as engine nodes (items weigh 1, targets their weight) rolled up, in 2 queries."""
    items = list(Item.objects.filter(plan=plan).order_by("position").values("pk", "parent_id", "number", "heading"))
    rows = list(Assignment.objects.filter(plan=plan).order_by("target__position", "id").values(
        "id", "item_id", "target__weight", "target__metric", "target__value", "target__unit",
        "lead_unit__short_name", "lead_unit__name", "snapshot__progress", "snapshot__status"))
    labels: dict[str, str] = {"plan": plan.title}
    leaves: dict[int | None, list[Node]] = defaultdict(list)
    for row in rows:
        key = f"t{row['id']}"
        labels[key] = f"{row['target__metric']} {row['target__value']:g}{row['target__unit']}"
        leaves[row["item_id"]].append(Node(
            key, row["target__weight"], progress=row["snapshot__progress"],
            status=Status(row["snapshot__status"] or Status.NOT_STARTED),
            unit=row["lead_unit__short_name"] or row["lead_unit__name"]))
    children: dict[int | None, list[int]] = defaultdict(list)
    for item in items:
        children[item["parent_id"]].append(item["pk"])
        labels[f"i{item['pk']}"] = f"{item['number']} {item['heading'][:40]}".strip()

    def build(pk: int) -> Node | None:
        kids = [n for n in (build(c) for c in children[pk]) if n is not None] + leaves.get(pk, [])
        return Node(f"i{pk}", 1.0, children=tuple(kids)) if kids else None

    top = [n for n in (build(pk) for pk in children[None]) if n is not None] + leaves.get(None, [])
    root = Node("plan", 1.0, children=tuple(top))
    return Tree(rollup(root), labels, rollup_by_unit(root) if top else {})


@dataclass
class ExplainedNode:
    key: str
    label: str
    result: Rollup
    rows: list
    depth: int


def explained_nodes(tree: Tree, max_depth: int = 3) -> list[ExplainedNode]:
    """Every inner node with its explanation rows, depth first, for the plan page."""
    found: list[ExplainedNode] = []

    def walk(result: Rollup, depth: int) -> None:
        if not result.children or depth > max_depth:
            return
        found.append(ExplainedNode(result.key, tree.labels.get(result.key, result.key), result, explain(result),
                                   depth))
        for child in result.children:
            walk(child, depth + 1)

    walk(tree.root, 0)
    return found


# --- dashboard --------------------------------------------------------------------------------------------


def tracked_plans() -> QuerySet[WorkPlan]:
    """Plans tracking follows: every confirmed plan (even before its first assignment) and any plan
    already assigned."""
    assigned = Q(pk__in=Assignment.objects.values("plan_id"))
    return (WorkPlan.objects.filter(Q(status=WorkPlan.Status.CONFIRMED) | assigned)
            .defer("preamble").order_by("-year", "-id"))


def status_by(field_name: str, label_field: str, plan: WorkPlan | None, limit: int = 30) -> dict:
    """Counts of targets per status grouped by ``field_name`` (chapter or lead unit), one query."""
    qs = StatusSnapshot.objects.all()
    if plan is not None:
        qs = qs.filter(assignment__plan=plan)
    rows = qs.values(f"assignment__{field_name}", f"assignment__{label_field}", "status").annotate(n=Count("id"))
    groups: dict[object, dict] = {}
    for row in rows:
        key = row[f"assignment__{field_name}"]
        label = (row[f"assignment__{label_field}"] or "—")[:24]
        groups.setdefault(key, {"label": label, **dict.fromkeys(STATUSES, 0)})[row["status"]] += row["n"]
    ordered = sorted(groups.values(), key=lambda g: -sum(g[s] for s in STATUSES))[:limit]
    return {"labels": [g["label"] for g in ordered], "statuses": STATUSES,
            "series": {s: [g[s] for g in ordered] for s in STATUSES}}


def heat_map(today: dt.date, plan: WorkPlan | None, months: int = 12, units: int = 30) -> dict:
    """Units × months: the share of lead reports due in the month that were submitted by their due date."""
    start = (today.replace(day=1) - dt.timedelta(days=31 * (months - 1))).replace(day=1)
    qs = ProgressReport.objects.filter(is_contribution=False, due__gte=start, due__lte=today)
    if plan is not None:
        qs = qs.filter(assignment__plan=plan)
    rows = (qs.annotate(month=TruncMonth("due")).values("unit__short_name", "unit__name", "month")
            .annotate(total=Count("id"), on_time=Count("id", filter=Q(submitted_at__date__lte=F("due")))))
    labels: list[str] = []
    cells = []
    month_keys: list[str] = []
    cursor = start
    while cursor <= today:
        month_keys.append(cursor.strftime("%Y-%m"))
        cursor = (cursor + dt.timedelta(days=32)).replace(day=1)
    for row in rows:
        label = row["unit__short_name"] or row["unit__name"]
        if label not in labels:
            if len(labels) >= units:
                continue
            labels.append(label)
        month = row["month"].strftime("%Y-%m") if row["month"] else ""
        if month in month_keys:
            cells.append([month_keys.index(month), labels.index(label), round(100 * row["on_time"] / row["total"])])
    return {"months": month_keys, "units": labels, "cells": cells}


def metric_trends(limit: int = 6) -> dict:
    """Readings of up to ``limit`` bound targets (the latest 24 of each), two queries."""
    bound = list(Assignment.objects.exclude(metric_code="").filter(readings__isnull=False).distinct()
                 .order_by("id").values("id", "target__metric", "metric_code")[:limit])
    ids = [b["id"] for b in bound]
    series: dict[int, list] = defaultdict(list)
    for aid, on, value in MetricReading.objects.filter(assignment_id__in=ids).order_by("on").values_list(
            "assignment_id", "on", "value"):
        series[aid].append([on.isoformat(), value])
    return {"series": [{"name": f"{b['target__metric']} ({b['metric_code']})", "data": series[b["id"]][-24:]}
                       for b in bound]}


def at_risk(plan: WorkPlan | None, limit: int = 15) -> list[StatusSnapshot]:
    qs = StatusSnapshot.objects.filter(Q(status__in=RISK) | Q(light="red"))
    if plan is not None:
        qs = qs.filter(assignment__plan=plan)
    return list(qs.select_related("assignment__target", "assignment__lead_unit", "assignment__plan")
                .order_by("ratio", "assignment_id")[:limit])


def late_units(kind: str = "overdue", limit: int = 30) -> list[dict]:
    """Units with reminders of ``kind`` sent for reports still not submitted, most late first."""
    filed = ProgressReport.objects.filter(
        assignment_id=OuterRef("assignment_id"), unit_id=OuterRef("unit_id"), period_key=OuterRef("period_key"),
        state__in=[ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED])
    return list(ReminderSent.objects.filter(kind=kind).exclude(Exists(filed))
                .values("unit_id", "unit__name").annotate(n=Count("id")).order_by("-n", "unit__name")[:limit])


def light_totals(plan: WorkPlan | None) -> dict[str, int]:
    qs = StatusSnapshot.objects.all()
    if plan is not None:
        qs = qs.filter(assignment__plan=plan)
    totals = {"green": 0, "yellow": 0, "red": 0, "": 0}
    for row in qs.values("light").annotate(n=Count("id")):
        totals[row["light"]] = row["n"]
    return totals


# --- assessment -------------------------------------------------------------------------------------------


@dataclass
class AssessmentResult:
    rule: ScoringRule
    scores: list[UnitScore]
    labels: dict[str, str]


def assessment_table(plan: WorkPlan) -> AssessmentResult:
    """Every lead unit's score on the plan's targets, ranked, with one explained row per target."""
    config = Assessment.objects.filter(plan=plan).first()
    rule = ScoringRule(cap=config.cap, floor=config.floor, bonus_rate=config.bonus_rate) if config else ScoringRule()
    points = dict(AssessmentWeight.objects.filter(assessment=config).values_list("assignment_id", "points")) \
        if config else {}
    rows = Assignment.objects.filter(plan=plan).values(*SPEC_FIELDS, "lead_unit__name", "target__metric",
                                                       "snapshot__actual")
    results: dict[str, list[AssessedTarget]] = defaultdict(list)
    weights, labels = {}, {}
    for row in rows:
        spec = spec_from_row(row)
        if spec is None:
            continue
        key = str(row["id"])
        labels[key] = row["target__metric"]
        weights[key] = points.get(row["id"], row["target__weight"])
        results[row["lead_unit__name"]].append(AssessedTarget(key, spec, row["snapshot__actual"]))
    return AssessmentResult(rule, assess(results, rule=rule, weights=weights), labels)


# --- across plans -----------------------------------------------------------------------------------------


@dataclass
class IndicatorGroup:
    metric: str
    targets: list[Target]


def indicators_across_plans(q: str = "", limit: int = 50) -> list[IndicatorGroup]:
    """Indicators named in more than one plan, each with its targets side by side (oldest plan first)."""
    names = (Target.objects.values("metric").annotate(plans=Count("plan", distinct=True))
             .filter(plans__gt=1).order_by("-plans", "metric"))
    if q:
        names = names.filter(metric__icontains=q)
    metrics = [row["metric"] for row in names[:limit]]
    groups: dict[str, list[Target]] = {m: [] for m in metrics}
    for target in (Target.objects.filter(metric__in=metrics).select_related("plan", "assignment__snapshot")
                   .order_by("plan__period_start", "plan__year", "year", "id")):
        groups[target.metric].append(target)
    return [IndicatorGroup(m, ts) for m, ts in groups.items()]


def links_of(target: Target) -> tuple[list[TargetLink], list[TargetLink]]:
    """The targets carrying ``target`` forward and those it carries."""
    down = list(TargetLink.objects.filter(parent=target).select_related("child__plan", "child__assignment__snapshot"))
    up = list(TargetLink.objects.filter(child=target).select_related("parent__plan"))
    return down, up


def unit_choices() -> QuerySet[Organisation]:
    from kechuang.core.roles import GOVERNMENT_KINDS

    return Organisation.objects.filter(kind__in=list(GOVERNMENT_KINDS)).order_by("kind", "name")


def link_candidates(target: Target, limit: int = 50) -> list[Target]:
    """Targets of other plans with the same indicator: what an annual target may carry forward."""
    return list(Target.objects.filter(metric=target.metric).exclude(plan_id=target.plan_id)
                .select_related("plan").order_by("-plan__period_end", "plan__title")[:limit])


def reportable_periods(assignment: Assignment, unit: Organisation, today: dt.date) -> list[ReportingPeriod]:
    """The periods ``unit`` may still report for: those not closed, and closed ones whose report came back
    (the same rule ``services.report_save`` enforces), with one query for the returned reports."""
    returned = set(ProgressReport.objects.filter(assignment=assignment, unit=unit,
                                                 state=ProgressReport.State.RETURNED)
                   .values_list("period_key", flat=True))
    return [p for p in periods_between(assignment.period_start, assignment.period_end, assignment.frequency)
            if not p.is_closed(today) or p.key in returned]
