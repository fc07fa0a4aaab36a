"""Fixtures of the projects app: an open call, a complete draft, an expert pool."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from kechuang.core.idnumber import make_id_number
from kechuang.core.models import Organisation
from kechuang.core.roles import OrgKind, Role
from kechuang.projects.models import Application, Call, ExpertProfile, Programme
from kechuang.projects.services.applications import (
    CallInput,
    application_save_draft,
    application_start,
    call_create,
    document_add,
)

RUBRIC = [{"code": "merit", "label": "Merit", "max": 40}, {"code": "team", "label": "Team", "max": 30},
          {"code": "plan", "label": "Plan", "max": 30}]


class Projects:
    """The programme cycle's cast on top of the shared ``world``."""

    def __init__(self, world) -> None:
        self.world = world
        self.officer = world.user(Role.PROGRAMME_OFFICER)
        self.applicant = world.user(Role.ENTERPRISE_USER)
        self.other_applicant = world.user(Role.ENTERPRISE_USER, world.neighbour)
        self.programme = Programme.objects.create(name="重点研发计划", category="key R&D",
                                                  department=world.department, officer=self.officer)
        self.call = self.make_call()
        self.university = Organisation.objects.create(name="某大学", kind=OrgKind.UNIVERSITY, region=world.city)
        self.experts = [self.make_expert(f"e{i}", self.university if i % 2 else world.elsewhere)
                        for i in range(6)]

    def make_call(self, **overrides) -> Call:
        now = timezone.now()
        data = CallInput(title="2026年度重点研发计划", year=2026, opens_at=now - dt.timedelta(days=10),
                         deadline=now + dt.timedelta(days=20), total_budget=Decimal(3_000_000),
                         per_project_cap=Decimal(1_000_000), topics=[{"code": "T1", "title": "智能制造"}],
                         rubric=RUBRIC, required_attachments=["可行性报告"], experts_per_application=3,
                         organisation_types=["enterprise"], region_prefixes=["3302"])
        for key, value in overrides.items():
            setattr(data, key, value)
        return call_create(actor=self.officer, programme=self.programme, data=data)

    def make_expert(self, name: str, org: Organisation):
        from kechuang.core.services import user_create

        user = user_create(actor=None, username=f"expert-{name}", password="Testpass2026", organisation=org,
                           roles=[Role.EXPERT], display_name=f"专家{name}")
        ExpertProfile.objects.create(user=user, fields=["52010"], max_load=10)
        return user

    def draft(self, call: Call | None = None, user=None, title: str = "面向注塑的智能质检系统研发", **changes):
        user = user or self.applicant
        app = application_start(actor=user, call=call or self.call)
        values = {
            "topic": "T1", "field": "52010", "title": title,
            "summary": f"{title}。本项目研究基于机器视觉的注塑件缺陷在线检测方法，建立缺陷样本库，开发边缘推理设备，"
                       "在三家企业产线开展示范应用，形成成套解决方案。",
            "objectives": "研制检测装备一套，检测准确率不低于百分之九十九，申请发明专利三项。",
            "leader_name": "王伟", "leader_id_number": make_id_number("330203", dt.date(1980, 1, 1), user.pk),
            "kpis": [{"indicator": "发明专利申请", "comparator": ">=", "value": "3", "unit": "项"}],
            "team": [{"name": "李娜", "role": "骨干",
                      "id_number": make_id_number("330203", dt.date(1990, 1, 1), user.pk)}],
            "start_date": dt.date(2026, 7, 1), "end_date": dt.date(2028, 6, 30),
            "equipment_purchase": Decimal(200_000), "operations": Decimal(300_000), "labour": Decimal(100_000),
            "indirect": Decimal(100_000), "self_raised": Decimal(800_000),
        }
        values.update(changes)
        application_save_draft(actor=user, application=app, changes=values)
        document_add(actor=user, application=app, kind="可行性报告",
                     upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n% plan\n", content_type="application/pdf"))
        return Application.objects.get(pk=app.pk)


@pytest.fixture
def projects(world, _media) -> Projects:
    return Projects(world)


@pytest.fixture(autouse=True)
def _english():
    """Service messages are asserted in their English source; pages are asserted in Chinese (the default)."""
    with translation.override("en"):
        yield
