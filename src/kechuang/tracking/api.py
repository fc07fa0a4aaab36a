"""API endpoints of the tracking app, mounted under /api/v1/tracking by kechuang.api.

Read-only: the status of every tracked target of a plan (planners and leaders), and a unit's own tasks
(its members), both from the precomputed snapshots the pages read.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema

from kechuang.core.actors import actor_of
from kechuang.plans.models import WorkPlan
from kechuang.tracking import selectors
from kechuang.tracking.models import Assignment
from kechuang.tracking.permissions import TrackingAction, decide_tracking

router = Router(tags=["tracking"])


class TargetStatusOut(Schema):
    assignment_id: int
    target_id: int
    plan_id: int
    indicator: str
    value: float
    unit: str
    lead_unit: str
    deadline: dt.date | None
    status: str | None
    light: str | None
    actual: float | None
    expected: float | None
    progress: float | None
    as_of: dt.date | None
    forecast: float | None


def _rows(assignments) -> list[TargetStatusOut]:
    rows = []
    for a in assignments:
        snap = getattr(a, "snapshot", None)
        rows.append(TargetStatusOut(
            assignment_id=a.pk, target_id=a.target_id, plan_id=a.plan_id, indicator=a.target.metric,
            value=a.target.value, unit=a.target.unit, lead_unit=a.lead_unit.name if a.lead_unit_id else "",
            deadline=a.deadline, status=snap.status if snap else None, light=(snap.light or None) if snap else None,
            actual=snap.actual if snap else None, expected=snap.expected if snap else None,
            progress=snap.progress if snap else None, as_of=snap.as_of if snap else None,
            forecast=snap.forecast_value if snap else None))
    return rows


@router.get("/plans/{plan_id}/status", response=list[TargetStatusOut])
def plan_status(request: HttpRequest, plan_id: int):
    decision = decide_tracking(actor_of(request.user), TrackingAction.VIEW_ALL)
    if not decision.allowed:
        raise PermissionDenied(_(decision.reason))
    plan = get_object_or_404(WorkPlan, pk=plan_id)
    return _rows(Assignment.objects.filter(plan=plan).select_related("target", "lead_unit", "snapshot")
                 .order_by("target__position", "id"))


@router.get("/my-tasks", response=list[TargetStatusOut])
def my_tasks(request: HttpRequest):
    if not request.user.organisation_id:
        raise PermissionDenied(_("Only members of a unit have tasks."))
    return _rows(selectors.unit_assignments(request.user.organisation_id))
