from __future__ import annotations

import pytest

from kechuang.core.roles import Role
from kechuang.core.services import api_token_create
from kechuang.plans import services

pytestmark = pytest.mark.django_db


def test_plans_tasks_and_targets(client, world, plan_text) -> None:
    planner = world.user(Role.PLANNER)
    [plan] = services.plan_import(actor=planner, document=services.parse_pasted(text=plan_text))
    auth = {"HTTP_AUTHORIZATION": "Bearer " + api_token_create(actor=planner, user=planner, name="t")}
    assert client.get("/api/v1/plans/", **auth).json()["items"][0]["id"] == plan.pk
    tasks = client.get(f"/api/v1/plans/{plan.pk}/tasks", **auth).json()
    first = next(t for t in tasks if t["number"] == "1.")
    assert first["responsibility"]["persons"] == ["李明"]
    assert first["responsibility"]["lead_organisation_ids"] == [world.department.pk]
    assert {t["metric"] for t in first["targets"]} >= {"高新技术企业"}
    targets = client.get(f"/api/v1/plans/{plan.pk}/targets", **auth).json()
    assert len(targets) == plan.targets.count()
    outsider = world.user(Role.ENTERPRISE_USER)
    other = {"HTTP_AUTHORIZATION": "Bearer " + api_token_create(actor=outsider, user=outsider, name="t")}
    assert client.get(f"/api/v1/plans/{plan.pk}", **other).status_code == 403
