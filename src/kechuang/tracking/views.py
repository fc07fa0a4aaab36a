"""Web pages of tracking: dashboard, my tasks, plan roll-up, target, report, assessment, indicators.

Views parse input, call services and selectors, and render; no rule lives here.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kechuang.core.actors import actor_of
from kechuang.core.attachments import attachments_of
from kechuang.core.audit import audit_for
from kechuang.core.metrics import registry
from kechuang.core.transitions import step_from_request, workflow_actions
from kechuang.plans.models import Target, WorkPlan
from kechuang.tracking import charts, exports, selectors, services, workflow
from kechuang.tracking.forms import AssessmentForm, AssignmentForm, BindingForm, ReportForm
from kechuang.tracking.labels import STATUS_LABELS
from kechuang.tracking.metrics import suggest_bindings
from kechuang.tracking.models import Assignment, ProgressReport
from kechuang.tracking.permissions import TrackingAction, decide_tracking, decide_view_target
from kechuang.tracking.recompute import status_recompute


def _can_manage(request: HttpRequest) -> bool:
    return decide_tracking(actor_of(request.user), TrackingAction.MANAGE).allowed


def _assignment(request: HttpRequest, pk: int) -> Assignment:
    assignment = get_object_or_404(Assignment.objects.select_related("target", "plan", "lead_unit", "item"), pk=pk)
    decision = decide_view_target(actor_of(request.user), lead_unit_id=assignment.lead_unit_id,
                                  supporting_ids=services.supporting_ids(assignment))
    if not decision.allowed:
        raise PermissionDenied(_(decision.reason))
    return assignment


def _errors(request: HttpRequest, exc: ValidationError, form=None) -> None:
    if form is not None and hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
        return
    for message in exc.messages:
        messages.error(request, message)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    services.ensure_tracking_allowed(request.user, TrackingAction.VIEW_ALL)
    plans = list(selectors.tracked_plans()[:50])
    plan = next((p for p in plans if str(p.pk) == request.GET.get("plan")), plans[0] if plans else None)
    today = timezone.localdate()
    trends = selectors.metric_trends()
    return render(request, "tracking/dashboard.html", {
        "plans": plans, "plan": plan, "lights": selectors.light_totals(plan),
        "by_chapter": charts.status_bars(selectors.status_by("chapter_id", "chapter__heading", plan)),
        "by_unit": charts.status_bars(selectors.status_by("lead_unit_id", "lead_unit__short_name", plan)),
        "heat": charts.heat_map(selectors.heat_map(today, plan)), "trends": charts.lines(trends),
        "has_trends": bool(trends["series"]),
        "at_risk": selectors.at_risk(plan), "late": selectors.late_units("overdue"),
        "red_flags": selectors.late_units("red_flag"), "status_labels": STATUS_LABELS,
    })


@login_required
def my_tasks(request: HttpRequest) -> HttpResponse:
    org_id = request.user.organisation_id
    if org_id is None:
        raise PermissionDenied(_("Only members of a unit have tasks."))
    page = Paginator(selectors.unit_assignments(org_id), 25).get_page(request.GET.get("page"))
    rows = selectors.task_rows(request.user, list(page.object_list), timezone.localdate())
    return render(request, "tracking/my_tasks.html", {"page": page, "rows": rows})


@login_required
def plan_tracking(request: HttpRequest, pk: int) -> HttpResponse:
    services.ensure_tracking_allowed(request.user, TrackingAction.VIEW_ALL)
    plan = get_object_or_404(WorkPlan, pk=pk)
    tree = selectors.plan_tree(plan)
    assignments = (Assignment.objects.filter(plan=plan).select_related("target", "lead_unit", "snapshot")
                   .order_by("target__position", "id"))
    return render(request, "tracking/plan.html", {
        "plan": plan, "tree": tree, "nodes": selectors.explained_nodes(tree), "assignments": assignments,
        "unassigned": plan.targets.filter(assignment__isnull=True).count(), "can_manage": _can_manage(request),
        "status_labels": STATUS_LABELS,
    })


@login_required
@require_POST
def plan_prefill(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(WorkPlan, pk=pk)
    assigned, left = services.assignments_prefill(actor=request.user, plan=plan)
    status_recompute(plan_ids=[plan.pk])
    messages.success(request, _("%(n)d targets assigned; %(left)d need a lead unit chosen by hand.")
                     % {"n": assigned, "left": left})
    return redirect("tracking:plan", pk=plan.pk)


@login_required
@require_POST
def plan_recompute(request: HttpRequest, pk: int) -> HttpResponse:
    services.ensure_tracking_allowed(request.user, TrackingAction.MANAGE)
    plan = get_object_or_404(WorkPlan, pk=pk)
    messages.success(request, _("%(n)d targets recomputed.") % {"n": status_recompute(plan_ids=[plan.pk])})
    return redirect("tracking:plan", pk=plan.pk)


@login_required
def target_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _assignment(request, pk)
    manage = _can_manage(request)
    units = selectors.unit_choices()
    assign_form = AssignmentForm(units=units, initial={
        "lead_unit": assignment.lead_unit_id, "supporting_units": list(assignment.supporting_units.all()),
        "responsible_person": assignment.responsible_person, "deadline": assignment.deadline,
        "frequency": assignment.frequency, "direction": assignment.direction,
        "baseline_value": assignment.baseline_value, "baseline_year": assignment.baseline_year})
    metrics = [(m.code, _(m.label) + (f"（{m.unit}）" if m.unit else "")) for m in registry.all()]
    bind_form = BindingForm(metrics=metrics, initial={"metric_code": assignment.metric_code,
                                                      **assignment.metric_filters})
    if request.method == "POST" and manage and "link" in request.POST:
        return _link(request, assignment)
    if request.method == "POST" and manage:
        if "bind" in request.POST:
            bind_form = BindingForm(request.POST, metrics=metrics)
            if bind_form.is_valid():
                data = bind_form.cleaned_data
                try:
                    services.metric_bind(actor=request.user, assignment=assignment, code=data["metric_code"],
                                         filters={"region": data["region"], "year": data["year"]})
                    messages.success(request, _("Binding saved."))
                    return redirect("tracking:target", pk=pk)
                except ValidationError as exc:
                    _errors(request, exc, bind_form)
        else:
            assign_form = AssignmentForm(request.POST, units=units)
            if assign_form.is_valid():
                data = assign_form.cleaned_data
                try:
                    services.assignment_save(actor=request.user, target=assignment.target, reason=data["reason"],
                                             data=services.AssignmentInput(
                        lead_unit_id=data["lead_unit"].pk, deadline=data["deadline"], frequency=data["frequency"],
                        responsible_person=data["responsible_person"], direction=data["direction"],
                        supporting_unit_ids=[u.pk for u in data["supporting_units"]],
                        baseline_value=data["baseline_value"], baseline_year=data["baseline_year"]))
                    messages.success(request, _("Assignment saved."))
                    return redirect("tracking:target", pk=pk)
                except ValidationError as exc:
                    _errors(request, exc, assign_form)
    reports = (ProgressReport.objects.filter(assignment=assignment).select_related("unit")
               .order_by("-period_end", "is_contribution", "unit__name"))
    down, up = selectors.links_of(assignment.target)
    return render(request, "tracking/target.html", {
        "a": assignment, "snapshot": getattr(assignment, "snapshot", None), "reports": reports,
        "lights": assignment.light_changes.all(), "supporting": assignment.supporting_units.all(),
        "manage": manage, "assign_form": assign_form, "bind_form": bind_form,
        "suggestions": suggest_bindings(assignment.target.metric), "down": down, "up": up,
        "link_candidates": selectors.link_candidates(assignment.target) if manage else [],
        "status_labels": STATUS_LABELS,
        "my_unit": request.user.organisation_id in {assignment.lead_unit_id,
                                                    *services.supporting_ids(assignment)},
    }, status=400 if request.method == "POST" else 200)


def _link(request: HttpRequest, assignment: Assignment) -> HttpResponse:
    """Record that this target carries forward a longer plan's target (and which share of it)."""
    parent = get_object_or_404(Target, pk=request.POST.get("parent") or 0)
    share_text = (request.POST.get("share") or "").strip()
    try:
        share = float(share_text) / 100 if share_text else None
        services.target_link(actor=request.user, parent=parent, child=assignment.target, share=share)
        messages.success(request, _("Linked to %(target)s.") % {"target": parent})
    except ValueError:
        messages.error(request, _("The share is a percentage, e.g. 20."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("tracking:target", pk=assignment.pk)


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A unit's report form for one of its targets: save as draft, or save and submit."""
    assignment = _assignment(request, pk)
    unit = request.user.organisation
    today = timezone.localdate()
    periods = [(p.key, _("%(period)s (due %(due)s)") % {"period": p.key, "due": p.due})
               for p in selectors.reportable_periods(assignment, unit, today)]
    period_key = request.POST.get("period_key") or request.GET.get("period") or (periods[0][0] if periods else "")
    existing = ProgressReport.objects.filter(assignment=assignment, unit=unit, period_key=period_key).first()
    initial = {"period_key": period_key}
    if existing:
        initial |= {"value": "" if existing.value is None else f"{existing.value:g}",
                    "narrative": existing.narrative, "override_reason": existing.override_reason}
    form = ReportForm(request.POST or None, request.FILES or None, initial=initial, periods=periods,
                      bound=bool(assignment.metric_code))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.report_save(actor=request.user, assignment=assignment, unit=unit, today=today,
                                          data=services.ReportInput(
                period_key=data["period_key"], value=data["value"], narrative=data["narrative"],
                override_reason=data.get("override_reason", ""), files=data["files"]))
            if "submit" in request.POST:
                services.report_transition(actor=request.user, report=report, name="submit")
                messages.success(request, _("Report submitted."))
            else:
                messages.success(request, _("Draft saved."))
            return redirect("tracking:report", pk=report.pk)
        except ValidationError as exc:
            _errors(request, exc, form)
    return render(request, "tracking/report_form.html", {"a": assignment, "form": form, "report": existing},
                  status=400 if request.method == "POST" else 200)


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(ProgressReport.objects.select_related("assignment__target", "unit",
                                                                     "assignment__lead_unit"), pk=pk)
    _assignment(request, report.assignment_id)
    contributions = (ProgressReport.objects.filter(assignment=report.assignment, period_key=report.period_key,
                                                   is_contribution=True).exclude(pk=report.pk)
                     .select_related("unit")) if not report.is_contribution else []
    return render(request, "tracking/report.html", {
        "report": report, "contributions": contributions,
        "actions": workflow_actions(request.user, report, workflow.REPORT_WORKFLOW.code),
        "attachments": attachments_of(report), "audit": audit_for(report)[:30],
        "editable": report.state in workflow.EDITABLE_STATES and request.user.organisation_id == report.unit_id,
    })


@login_required
@require_POST
def report_transition(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """Take one step of the report workflow from its page (the buttons of ``core/_workflow_actions.html``)."""
    report = get_object_or_404(ProgressReport.objects.select_related("assignment"), pk=pk)
    if step_from_request(request, report, workflow.REPORT_WORKFLOW.code, name):
        status_recompute(plan_ids=[report.assignment.plan_id])
    return redirect("tracking:report", pk=report.pk)


@login_required
def assessment_index(request: HttpRequest) -> HttpResponse:
    services.ensure_tracking_allowed(request.user, TrackingAction.VIEW_ALL)
    plans = list(selectors.tracked_plans()[:50])
    if len(plans) == 1:
        return redirect("tracking:assessment", pk=plans[0].pk)
    return render(request, "tracking/assessment_index.html", {"plans": plans})


@login_required
def assessment(request: HttpRequest, pk: int) -> HttpResponse:
    services.ensure_tracking_allowed(request.user, TrackingAction.VIEW_ALL)
    plan = get_object_or_404(WorkPlan, pk=pk)
    result = selectors.assessment_table(plan)
    form = AssessmentForm(request.POST or None, initial={"cap": result.rule.cap, "floor": result.rule.floor,
                                                         "bonus_rate": result.rule.bonus_rate})
    if request.method == "POST" and form.is_valid():
        points = {int(k.removeprefix("points_")): float(v) for k, v in request.POST.items()
                  if k.startswith("points_") and v.strip().replace(".", "", 1).isdigit()}
        try:
            services.assessment_configure(actor=request.user, plan=plan, points=points, **form.cleaned_data)
            messages.success(request, _("Assessment settings saved."))
            return redirect("tracking:assessment", pk=plan.pk)
        except ValidationError as exc:
            _errors(request, exc)
    return render(request, "tracking/assessment.html", {"plan": plan, "result": result, "form": form,
                                                        "manage": _can_manage(request)})


@login_required
def indicators(request: HttpRequest) -> HttpResponse:
    services.ensure_tracking_allowed(request.user, TrackingAction.VIEW_ALL)
    q = request.GET.get("q", "").strip()
    return render(request, "tracking/indicators.html", {"groups": selectors.indicators_across_plans(q), "q": q,
                                                        "status_labels": STATUS_LABELS})


@login_required
def export(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    services.ensure_tracking_allowed(request.user, TrackingAction.VIEW_ALL)
    plan = get_object_or_404(WorkPlan, pk=pk)
    maker = exports.EXPORTS.get(name)
    if maker is None:
        raise PermissionDenied(_("Unknown export."))
    data, filename, mime = maker(plan)
    response = HttpResponse(data, content_type=mime)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response
