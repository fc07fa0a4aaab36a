"""A confirmed plan whose units match the ``world`` fixture's organisations, assigned and ready to track."""

from __future__ import annotations

import datetime as dt

import pytest

from kechuang.core.roles import Role
from kechuang.plans import services as plan_services
from kechuang.tracking.models import Assignment

PLAN_TEXT = """海滨市科学技术局2025年工作要点
一、提升企业创新能力
1.培育高新技术企业。全年新认定高新技术企业40家以上。（责任人：李明；牵头单位：高新处；配合单位：海曙区科技局）
2.降低能耗。单位产值能耗下降5%。（牵头单位：海曙区科技局）
二、建设创新平台
3.新建省级重点实验室4家。（牵头单位：海曙区科技局；配合单位：高新处）
4.引进人才团队10个。（牵头单位：各有关处室）
"""

TODAY = dt.date(2025, 5, 5)  # Q1 closed on 10 April; Q2 open


class Tracked:
    def __init__(self, world) -> None:
        self.world = world
        self.planner = world.user(Role.PLANNER)
        self.leader = world.user(Role.LEADER)
        self.dept = world.user(Role.DEPARTMENT_USER, world.department)
        self.district = world.user(Role.DEPARTMENT_USER, world.district_bureau)
        upload = plan_services.parse_pasted(text=PLAN_TEXT)
        self.plan = plan_services.plan_import(actor=self.planner, document=upload)[0]
        plan_services.plan_confirm(actor=self.planner, plan=self.plan, today=TODAY)  # assigns what it can
        self.assigned = Assignment.objects.filter(plan=self.plan).count()
        self.left = self.plan.targets.filter(assignment__isnull=True).count()
        self.assignments = {a.target.metric: a for a in self.plan_assignments()}

    def plan_assignments(self):
        from kechuang.tracking.models import Assignment

        return Assignment.objects.filter(plan=self.plan).select_related("target")

    def by_metric(self, fragment: str):
        return next(a for metric, a in self.assignments.items() if fragment in metric)


@pytest.fixture
def tracked(world) -> Tracked:
    return Tracked(world)
