"""Synthetic data for ``bench/projects.py``: one officer, one call, N applications over 200 enterprises."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

STATES = ("submitted", "formal_check", "expert_review", "comprehensive_check", "in_progress", "draft", "rejected")


def build(n: int):
    from kechuang.core.models import Organisation, Region
    from kechuang.core.roles import OrgKind, Role
    from kechuang.core.services import user_create
    from kechuang.projects.models import Application, Call, Programme

    city = Region.objects.get(code="330200")
    districts = list(Region.objects.filter(parent=city))
    bureau = Organisation.objects.create(name="市科技局", kind=OrgKind.BUREAU, region=city)
    officer = user_create(actor=None, username="bench-officer", password="Benchpass2026!", organisation=bureau,
                          roles=[Role.PROGRAMME_OFFICER])
    orgs = Organisation.objects.bulk_create([
        Organisation(name=f"企业{i:04d}", kind=OrgKind.ENTERPRISE, region=districts[i % len(districts)])
        for i in range(200)])
    programme = Programme.objects.create(name="重点研发", category="研发", department=bureau, officer=officer)
    now = timezone.now()
    call = Call.objects.create(programme=programme, title="年度指南", year=now.year, status="review",
                               opens_at=now - dt.timedelta(days=60), deadline=now - dt.timedelta(days=5),
                               total_budget=Decimal(50_000_000), topics=[{"code": "T1", "title": "智能制造"}])
    Application.objects.bulk_create([
        Application(call=call, organisation=orgs[i % len(orgs)], created_by=officer, state=STATES[i % len(STATES)],
                    topic="T1", field="52010", title=f"项目{i:05d} 智能检测装备研发", summary="摘要" * 40,
                    leader_name=f"负责人{i}", requested_total=Decimal(500_000 + i))
        for i in range(n)], batch_size=1000)
    return officer, call
