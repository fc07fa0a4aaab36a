"""The tracking API: a plan's target statuses for planners, a unit's own tasks for its members."""

from __future__ import annotations

import pytest

from kechuang.core.roles import Role
from kechuang.core.services import api_token_create
from kechuang.plans import services as plan_services
from kechuang.tracking.models import Assignment
from kechuang.tracking.recompute import status_recompute
from kechuang.tracking.services import assignments_prefill

pytestmark = pytest.mark.django_db

PLAN = """海滨市科学技术局2026年工作要点
一、培育创新主体
1.全年新认定高新技术企业50家以上。（牵头单位：高新处）
"""


def bearer(user) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": "Bearer " + api_token_create(actor=user, user=user, name="t")}


def test_plan_status_and_my_tasks(client, world) -> None:
    planner = world.user(Role.PLANNER)
    [plan] = plan_services.plan_import(actor=planner, document=plan_services.parse_pasted(text=PLAN))
    plan_services.plan_confirm(actor=planner, plan=plan)
    assignments_prefill(actor=planner, plan=plan)
    status_recompute()
    assignment = Assignment.objects.get()
    rows = client.get(f"/api/v1/tracking/plans/{plan.pk}/status", **bearer(planner)).json()
    assert [(r["indicator"], r["lead_unit"]) for r in rows] == [("高新技术企业", world.department.name)]
    assert rows[0]["status"] == "not_started"
    member = world.user(Role.DEPARTMENT_USER, world.department)
    mine = client.get("/api/v1/tracking/my-tasks", **bearer(member)).json()
    assert [r["assignment_id"] for r in mine] == [assignment.pk]
    outsider = world.user(Role.ENTERPRISE_USER)
    assert client.get(f"/api/v1/tracking/plans/{plan.pk}/status", **bearer(outsider)).status_code == 403
    assert client.get("/api/v1/tracking/my-tasks", **bearer(outsider)).json() == []
