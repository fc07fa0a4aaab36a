"""Writes of the tracking app: assignments, metric bindings, progress reports and their workflow,
links across plans and assessment settings.

Each function checks permission before its transaction (so a refusal's audit row survives),
validates, writes in one transaction and appends to the audit trail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kechuang.core.actors import actor_of
from kechuang.core.attachments import attachment_add, check_upload
from kechuang.core.audit import audit_record, diff, refuse, snapshot
from kechuang.core.metrics import MetricError, registry
from kechuang.core.models import AuditEntry, Organisation, User
from kechuang.core.notifications import notify
from kechuang.core.permissions import Decision
from kechuang.core.transitions import transition_perform
from kechuang.plans.models import Item, Responsibility, Target, WorkPlan
from kechuang.tracking import workflow
from kechuang.tracking.models import Assessment, AssessmentWeight, Assignment, Frequency, ProgressReport, TargetLink
from kechuang.tracking.permissions import TrackingAction, decide_report, decide_tracking
from kechuang.tracking.specs import default_period, guess_direction, periods_between

ASSIGNMENT_FIELDS = ("lead_unit_id", "responsible_person", "deadline", "frequency", "period_start", "period_end",
                     "direction", "baseline_value", "baseline_year", "milestones")


def _refuse(user: User, decision: Decision, obj: models.Model | None, what: str) -> None:
    if not decision.allowed:
        raise refuse(actor=user, reason=decision.reason, obj=obj, what=what)


def ensure_tracking_allowed(user: User, action: TrackingAction, obj: models.Model | None = None) -> None:
    _refuse(user, decide_tracking(actor_of(user), action), obj, action)


def supporting_ids(assignment: Assignment) -> frozenset[int]:
    return frozenset(assignment.supporting_units.values_list("pk", flat=True))


# --- assignment -------------------------------------------------------------------------------------------


def _chapters(plan: WorkPlan) -> dict[int, int]:
    """Each item's top-level ancestor (its chapter) in one query."""
    parents = dict(Item.objects.filter(plan=plan).values_list("pk", "parent_id"))

    def top(pk: int) -> int:
        while parents.get(pk):
            pk = parents[pk]
        return pk

    return {pk: top(pk) for pk in parents}


def _responsible(plan: WorkPlan) -> dict[int, dict[str, list]]:
    """Per item, the matched lead and supporting organisations and the persons, inherited from ancestors."""
    own: dict[int, dict[str, list]] = {}
    for row in Responsibility.objects.filter(item__plan=plan).order_by("item_id", "role", "position").values(
            "item_id", "role", "name", "organisation_id"):
        entry = own.setdefault(row["item_id"], {"lead": [], "support": [], "person": []})
        value = row["name"] if row["role"] == Responsibility.Role.PERSON else row["organisation_id"]
        if value:
            entry[row["role"]].append(value)
    parents = dict(Item.objects.filter(plan=plan).values_list("pk", "parent_id"))
    resolved: dict[int, dict[str, list]] = {}
    for pk in parents:
        node, found = pk, None
        while node and found is None:
            found = own.get(node) if own.get(node, {}).get("lead") else None
            node = parents.get(node)
        resolved[pk] = found or own.get(pk, {"lead": [], "support": [], "person": []})
    return resolved


def assignments_prefill(*, actor: User, plan: WorkPlan, today: dt.date | None = None) -> tuple[int, int]:
    """Assign every unassigned target of ``plan`` from its item's matched responsibility rows.

    Returns (assigned, left) where ``left`` counts targets without a matched lead unit: the planner
    assigns those by hand. Existing assignments are never overwritten.
    """
    ensure_tracking_allowed(actor, TrackingAction.MANAGE, plan)
    today = today or timezone.localdate()
    chapters, responsible = _chapters(plan), _responsible(plan)
    targets = list(plan.targets.filter(assignment__isnull=True).order_by("position", "id"))
    left = 0
    with transaction.atomic():
        for target in targets:
            names = responsible.get(target.item_id, {}) if target.item_id else {}
            if not names.get("lead"):
                left += 1
                continue
            start, end = default_period(target.year, plan.year, plan.period_start, today)
            assignment = Assignment.objects.create(
                target=target, plan=plan, item_id=target.item_id, chapter_id=chapters.get(target.item_id),
                lead_unit_id=names["lead"][0], responsible_person="、".join(names["person"])[:100],
                deadline=end, period_start=start, period_end=end, frequency=Frequency.QUARTERLY,
                direction=guess_direction(target.action, target.metric))
            support = [pk for pk in [*names["lead"][1:], *names["support"]] if pk != names["lead"][0]]
            assignment.supporting_units.set(support)
            audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=assignment,
                         changes=diff({}, snapshot(assignment, ASSIGNMENT_FIELDS)),
                         reason=_("Assigned from the plan's responsibility notes"))
    return len(targets) - left, left


@dataclass
class AssignmentInput:
    lead_unit_id: int
    deadline: dt.date
    frequency: str = Frequency.QUARTERLY
    responsible_person: str = ""
    supporting_unit_ids: Sequence[int] = field(default_factory=tuple)
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    direction: str = "increase"
    baseline_value: float | None = None
    baseline_year: int | None = None


def _clean_assignment(target: Target, data: AssignmentInput) -> dict[str, object]:
    errors: dict[str, list[str]] = {}
    units = set(Organisation.objects.filter(pk__in=[data.lead_unit_id, *data.supporting_unit_ids])
                .values_list("pk", flat=True))
    if data.lead_unit_id not in units:
        errors["lead_unit"] = [_("Choose the lead unit among the platform's organisations.")]
    if data.frequency not in Frequency.values:
        errors["frequency"] = [_("Choose monthly, quarterly, half-yearly or yearly reporting.")]
    start, end = data.period_start, data.period_end
    if start and end and end <= start:
        errors["period_end"] = [_("The period must end after it starts.")]
    if target.kind == Target.Kind.GROWTH and data.baseline_value is None:
        errors["baseline_value"] = [_("A growth target needs the baseline year's value.")]
    if errors:
        raise ValidationError(errors)
    return {"lead_unit_id": data.lead_unit_id, "deadline": data.deadline, "frequency": data.frequency,
            "responsible_person": data.responsible_person.strip()[:100], "direction": data.direction,
            "baseline_value": data.baseline_value, "baseline_year": data.baseline_year,
            **({"period_start": start} if start else {}), **({"period_end": end} if end else {})}


def assignment_save(*, actor: User, target: Target, data: AssignmentInput, reason: str = "") -> Assignment:
    """Create or change the assignment of ``target``; audited with the fields that changed."""
    ensure_tracking_allowed(actor, TrackingAction.MANAGE, target)
    values = _clean_assignment(target, data)
    with transaction.atomic():
        assignment = Assignment.objects.filter(target=target).first()
        before = snapshot(assignment, ASSIGNMENT_FIELDS) if assignment else {}
        if assignment is None:
            plan = target.plan
            start, end = default_period(target.year, plan.year, plan.period_start, timezone.localdate())
            assignment = Assignment(target=target, plan=plan, item_id=target.item_id, period_start=start,
                                    period_end=end, chapter_id=_chapters(plan).get(target.item_id))
        for name, value in values.items():
            setattr(assignment, name, value)
        assignment.save()
        old_support = set(assignment.supporting_units.values_list("pk", flat=True))
        new_support = set(data.supporting_unit_ids) - {data.lead_unit_id}
        assignment.supporting_units.set(new_support)
        changes = diff(before, snapshot(assignment, ASSIGNMENT_FIELDS))
        if old_support != new_support:
            changes["supporting_units"] = [sorted(old_support), sorted(new_support)]
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE,
                     obj=assignment, changes=changes, reason=reason)
    return assignment


def metric_bind(*, actor: User, assignment: Assignment, code: str, filters: dict[str, object] | None = None,
                reason: str = "") -> Assignment:
    """Bind the target to a registered metric (empty ``code`` unbinds it, back to manual reports)."""
    ensure_tracking_allowed(actor, TrackingAction.MANAGE, assignment)
    filters = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
    if code:
        try:
            metric = registry.get(code)
        except MetricError:
            raise ValidationError({"metric_code": [_("There is no metric %(code)s.") % {"code": code}]}) from None
        unknown = sorted(set(filters) - set(metric.dimensions))
        if unknown:
            message = _("The metric %(code)s cannot be filtered by %(names)s.")
            raise ValidationError({"metric_filters": [message % {"code": code, "names": ", ".join(unknown)}]})
    else:
        filters = {}
    with transaction.atomic():
        before = snapshot(assignment, ("metric_code", "metric_filters"))
        assignment.metric_code, assignment.metric_filters = code, filters
        assignment.save(update_fields=["metric_code", "metric_filters", "updated_at"])
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=assignment,
                     changes=diff(before, snapshot(assignment, ("metric_code", "metric_filters"))), reason=reason)
    return assignment


# --- progress reports -------------------------------------------------------------------------------------


@dataclass
class ReportInput:
    period_key: str
    value: float | str | None = None
    unit: str = ""
    narrative: str = ""
    override_reason: str = ""
    files: Sequence[UploadedFile] = field(default_factory=tuple)


def _parse_value(raw: float | str | None, assignment: Assignment, unit: str) -> float | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = float(str(raw).strip().replace(",", ""))
    except ValueError:
        raise ValidationError({"value": [_("Enter the value reached as a number, e.g. 12 or 2.5.")]}) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValidationError({"value": [_("Enter the value reached as a number, e.g. 12 or 2.5.")]})
    expected_unit = assignment.target.unit if assignment.target.kind != Target.Kind.GROWTH else ""
    if unit.strip() and expected_unit and unit.strip() != expected_unit:
        raise ValidationError({"value": [_("This target is measured in %(unit)s, not %(given)s.")
                                         % {"unit": expected_unit, "given": unit.strip()}]})
    return value


def report_save(*, actor: User, assignment: Assignment, unit: Organisation, data: ReportInput,
                today: dt.date | None = None) -> ProgressReport:
    """Create or change ``unit``'s draft (or returned) report for a period, with evidence files.

    Refused with a clear error and nothing changed when the period is unknown or closed, the value is
    not a number in the target's unit, the actor is not a member of the unit, a file is too large or
    of a forbidden type, or a bound target's value comes without a reason to override the metric.
    """
    today = today or timezone.localdate()
    decision = decide_report(actor_of(actor), unit.pk, lead_unit_id=assignment.lead_unit_id,
                             supporting_ids=supporting_ids(assignment))
    _refuse(actor, decision, assignment, "report")
    periods = {p.key: p for p in periods_between(assignment.period_start, assignment.period_end,
                                                  assignment.frequency)}
    period = periods.get(data.period_key)
    if period is None:
        raise ValidationError({"period_key": [_("%(key)s is not a reporting period of this target.")
                                              % {"key": data.period_key}]})
    report = ProgressReport.objects.filter(assignment=assignment, unit=unit, period_key=period.key).first()
    if report is not None and report.state not in workflow.EDITABLE_STATES:
        raise ValidationError(_("This report has been submitted and can no longer be changed."))
    returned = report is not None and report.state == ProgressReport.State.RETURNED
    if period.is_closed(today) and not returned:
        raise ValidationError({"period_key": [_("The period %(key)s closed on %(due)s; reports can no longer be "
                                                "filed for it.") % {"key": period.key, "due": period.due}]})
    value = _parse_value(data.value, assignment, data.unit)
    if assignment.metric_code and value is not None and not data.override_reason.strip():
        raise ValidationError({"override_reason": [_("This target's value comes from a live metric: say why "
                                                     "your figure should replace it.")]})
    for upload in data.files:
        head = upload.read(16)
        upload.seek(0)
        check_upload(upload.name or "", head, upload.size or 0)
    with transaction.atomic():
        before = snapshot(report, ("value", "narrative", "override_reason")) if report else {}
        if report is None:
            report = ProgressReport(assignment=assignment, unit=unit, period_key=period.key,
                                    period_end=period.end, due=period.due, created_by=actor,
                                    is_contribution=unit.pk != assignment.lead_unit_id)
        report.value, report.narrative = value, data.narrative.strip()
        report.override_reason = data.override_reason.strip() if value is not None else ""
        report.save()
        for upload in data.files:
            attachment_add(actor=actor, owner=report, upload=upload)
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE,
                     obj=report, changes=diff(before, snapshot(report, ("value", "narrative", "override_reason"))))
    return report


def report_transition(*, actor: User, report: ProgressReport, name: str, reason: str = "") -> ProgressReport:
    """Take step ``name`` of the declared report workflow (:mod:`kechuang.tracking.workflow`)."""
    transition_perform(actor=actor, obj=report, workflow=workflow.REPORT_WORKFLOW.code, step=name, reason=reason)
    return report


def report_submitted(*, actor: User, obj: ProgressReport, reason: str, data: dict, ctx: dict) -> None:
    """Effect of ``submit``: stamp the time; a supporting unit's contribution is announced to the lead unit."""
    obj.submitted_at = timezone.now()
    if obj.is_contribution:
        for user in User.objects.filter(organisation_id=obj.assignment.lead_unit_id, is_active=True):
            notify(recipient=user, title=_("Contribution received: %(t)s") % {"t": str(obj)[:150]},
                   link=f"/tracking/reports/{obj.pk}/")


def report_accepted(*, actor: User, obj: ProgressReport, reason: str, data: dict, ctx: dict) -> None:
    """Effect of ``accept``: stamp the decision."""
    obj.decided_at = timezone.now()


def report_returned(*, actor: User, obj: ProgressReport, reason: str, data: dict, ctx: dict) -> None:
    """Effect of ``return``: stamp the decision and tell the unit why, so it can put the report right."""
    obj.decided_at, obj.return_reason = timezone.now(), reason
    for user in User.objects.filter(organisation_id=obj.unit_id, is_active=True):
        notify(recipient=user, title=_("Report returned: %(t)s") % {"t": str(obj)[:150]}, body=reason,
               link=f"/tracking/reports/{obj.pk}/", level="warning")


# --- across plans and assessment --------------------------------------------------------------------------


def target_link(*, actor: User, parent: Target, child: Target, share: float | None = None) -> TargetLink:
    """Record that ``child`` (an annual plan's target) carries ``parent`` (a longer plan's) forward."""
    ensure_tracking_allowed(actor, TrackingAction.MANAGE, parent)
    if parent.plan_id == child.plan_id:
        raise ValidationError(_("Link targets of two different plans."))
    if share is not None and not 0 < share <= 1:
        raise ValidationError({"share": [_("The share is a fraction between 0 and 1.")]})
    with transaction.atomic():
        link, _created = TargetLink.objects.update_or_create(parent=parent, child=child, defaults={"share": share})
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=parent,
                     changes={"carried_by": [None, child.pk], "share": [None, share]})
    return link


def assessment_configure(*, actor: User, plan: WorkPlan, cap: float = 1.2, floor: float = 0.0,
                         bonus_rate: float = 1.0, points: dict[int, float] | None = None) -> Assessment:
    """Set the scoring rule and per-target points (assignment id → points) of the plan's assessment."""
    ensure_tracking_allowed(actor, TrackingAction.MANAGE, plan)
    if cap < 1 or not 0 <= floor <= 1 or bonus_rate < 0:
        raise ValidationError(_("Need a cap of at least 1, a floor between 0 and 1 and a bonus rate of 0 or more."))
    points = points or {}
    if any(p < 0 for p in points.values()):
        raise ValidationError(_("Points cannot be negative."))
    with transaction.atomic():
        assessment, _created = Assessment.objects.update_or_create(
            plan=plan, defaults={"cap": cap, "floor": floor, "bonus_rate": bonus_rate})
        valid = set(Assignment.objects.filter(plan=plan, pk__in=list(points)).values_list("pk", flat=True))
        for assignment_id, value in points.items():
            if assignment_id in valid:
                AssessmentWeight.objects.update_or_create(assessment=assessment, assignment_id=assignment_id,
                                                          defaults={"points": value})
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=plan,
                     changes={"assessment": [None, {"cap": cap, "floor": floor, "bonus_rate": bonus_rate,
                                                    "points": len(valid)}]})
    return assessment
