"""API endpoints of the plans app: plans, their tasks (items with targets or responsibilities) and targets."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from kechuang.plans import selectors, services
from kechuang.plans.models import Target, WorkPlan
from kechuang.plans.permissions import PlanAction

router = Router(tags=["plans"])


class PlanOut(Schema):
    id: int
    title: str
    issuer: str
    year: int | None
    period_start: int | None
    period_end: int | None
    status: str
    source_name: str


class TargetOut(Schema):
    id: int
    item_id: int | None
    metric: str
    action: str
    kind: str
    comparator: str
    value: float
    value_max: float | None
    unit: str
    year: int | None
    quote: str
    firmness: str
    recurrence: str
    weight: float


class ResponsibilityOut(Schema):
    persons: list[str]
    lead: list[str]
    support: list[str]
    lead_organisation_ids: list[int]


class TaskOut(Schema):
    id: int
    number: str
    heading: str
    kind: str
    level: int
    deadline: str
    responsibility: ResponsibilityOut
    targets: list[TargetOut]


def _plan(request: HttpRequest, plan_id: int) -> WorkPlan:
    plan = get_object_or_404(WorkPlan, pk=plan_id)
    services.ensure_plan_allowed(request.user, PlanAction.VIEW, plan)
    return plan


@router.get("/", response=list[PlanOut])
@paginate(PageNumberPagination, page_size=50)
def list_plans(request: HttpRequest, q: str = "", status: str = "", year: str = ""):
    services.ensure_plan_allowed(request.user, PlanAction.VIEW)
    return selectors.plan_list(request.user, q=q, status=status, year=year)


@router.get("/{plan_id}", response=PlanOut)
def get_plan(request: HttpRequest, plan_id: int):
    return _plan(request, plan_id)


@router.get("/{plan_id}/tasks", response=list[TaskOut])
def list_tasks(request: HttpRequest, plan_id: int):
    plan = _plan(request, plan_id)
    return [
        TaskOut(
            id=row.item.pk, number=row.item.number, heading=row.item.heading, kind=row.item.kind,
            level=row.item.level, deadline=row.item.deadline,
            responsibility=ResponsibilityOut(
                persons=[r.name for r in row.persons], lead=[r.name for r in row.lead],
                support=[r.name for r in row.support],
                lead_organisation_ids=[r.organisation_id for r in row.lead if r.organisation_id]),
            targets=[TargetOut.from_orm(t) for t in row.targets],
        )
        for row in selectors.responsibility_table(selectors.plan_outline(plan)[0])
    ]


@router.get("/{plan_id}/targets", response=list[TargetOut])
def list_targets(request: HttpRequest, plan_id: int):
    return Target.objects.filter(plan=_plan(request, plan_id)).order_by("position", "id")
