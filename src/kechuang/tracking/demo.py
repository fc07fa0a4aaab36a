"""Demo tracking data on top of ``kechuang demo-data``: two generated annual plans (last year's and this
year's) imported through the plan importer, assigned from their responsibility notes, with a history
of quarterly reports (most on time, some late, some missing, one returned), reminders and statuses.

The plan text is composed here from the demo bureau's own unit names; nothing is copied from a real
plan. Running it twice changes nothing: an existing demo plan is detected and kept.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from kechuang.core.models import Organisation, User
from kechuang.core.roles import OrgKind, Role
from kechuang.plans import services as plan_services
from kechuang.plans.models import WorkPlan
from kechuang.tracking import services
from kechuang.tracking.models import Assignment, ProgressReport
from kechuang.tracking.recompute import status_recompute
from kechuang.tracking.reminders import reminders_run
from kechuang.tracking.specs import periods_between

TITLE = "{city}科学技术局{year}年科技创新工作要点（演示）"

# (chapter, [(task, target sentence, lead, supporting)]); {d0}.. are district bureaus.
CHAPTERS = [
    ("强化企业创新主体地位", [
        ("培育高新技术企业", "全年新认定高新技术企业{n1}家以上", "高新技术处", "{d0}、{d1}"),
        ("壮大科技型中小企业", "科技型中小企业入库{n2}家", "高新技术处", "{d2}"),
        ("推动研发投入增长", "规上工业企业研发费用增长{g1}%", "资源配置与管理处", "{d3}"),
    ]),
    ("建设高能级创新平台", [
        ("建设重点实验室", "新建省级重点实验室{n3}家", "成果转化与区域创新处", "{d0}"),
        ("发展新型研发机构", "新引进共建新型研发机构{n4}家", "成果转化与区域创新处", "{d4}"),
        ("建设孵化载体", "新增省级以上孵化器和众创空间{n5}家", "{d0}", "{d1}"),
    ]),
    ("促进科技成果转化", [
        ("活跃技术市场", "技术合同成交额达到{n6}亿元", "成果转化与区域创新处", "{d2}"),
        ("服务乡村振兴", "选派科技特派员{n7}名", "农村科技处", "{d1}、{d3}"),
        ("推广农业新品种", "示范推广农业新品种新技术{n8}项", "农村科技处", "{d4}"),
    ]),
    ("集聚科技创新人才", [
        ("引进创新团队", "引进高层次创新团队{n9}个", "人才与国际合作处", "{d0}"),
        ("开展国际合作", "新建国际科技合作基地{n10}家", "人才与国际合作处", ""),
        ("加强科普", "公民具备科学素质比例达到{l1}%", "社会发展科技处", "{d1}、{d2}"),
    ]),
]
BASE = {"n1": 400, "n2": 2500, "g1": 12, "n3": 6, "n4": 8, "n5": 15, "n6": 300, "n7": 200, "n8": 60, "n9": 20,
        "n10": 5, "l1": 16}


def plan_text(city: str, year: int, districts: list[str], scale: float) -> str:
    """A generated annual work plan in the bureau's usual shape, with responsibility notes."""
    numerals = "一二三四五六七八九十"
    values = {k: (v if k in ("g1", "l1") else max(1, round(v * scale))) for k, v in BASE.items()}
    names = {f"d{i}": name for i, name in enumerate(districts)}
    lines = [TITLE.format(city=city, year=year),
             f"{year}年是科技创新工作承上启下之年。全市科技工作要围绕创新驱动发展，抓好以下重点任务。"]
    number = 0
    for index, (chapter, tasks) in enumerate(CHAPTERS):
        lines.append(f"{numerals[index]}、{chapter}")
        for task, sentence, lead, support in tasks:
            number += 1
            note = f"牵头单位：{lead.format(**names)}" + (f"；配合单位：{support.format(**names)}" if support else "")
            lines.append(f"{number}.{task}。{sentence.format(**values)}。（{note}）")
    return "\n".join(lines) + "\n"


@transaction.atomic
def load_tracking_demo(*, today: dt.date | None = None, seed: int = 2026) -> bool:
    """Create the demo plans and their history unless they exist; returns whether anything was made."""
    today = today or timezone.localdate()
    bureau = Organisation.objects.filter(kind=OrgKind.BUREAU, short_name="市科技局").first()
    planner = User.objects.filter(username="planner").first()
    if bureau is None or planner is None:
        raise RuntimeError("Run `kechuang demo-data` first.")
    city = bureau.region.name
    if WorkPlan.objects.filter(title=TITLE.format(city=city, year=today.year)).exists():
        return False
    districts = list(Organisation.objects.filter(kind=OrgKind.DISTRICT_BUREAU).order_by("pk")
                     .values_list("short_name", flat=True)[:5])
    rng = random.Random(seed)
    for year, scale in ((today.year - 1, 0.9), (today.year, 1.0)):
        upload = plan_services.parse_pasted(text=plan_text(city, year, districts, scale))
        plan = plan_services.plan_import(actor=planner, document=upload, owner=bureau)[0]
        plan_services.plan_confirm(actor=planner, plan=plan)
        services.assignments_prefill(actor=planner, plan=plan, today=today)
        for assignment in Assignment.objects.filter(plan=plan, target__kind="growth"):
            assignment.baseline_value, assignment.baseline_year = 100.0, year - 1
            assignment.save(update_fields=["baseline_value", "baseline_year"])
        _history(plan, planner, today, rng)
    reminders_run(today=today)
    status_recompute(on=today)
    return True


def _history(plan: WorkPlan, planner: User, today: dt.date, rng: random.Random) -> None:
    """Quarterly reports for every closed period: most on time, a few late or missing, one returned."""
    returned = False
    for assignment in Assignment.objects.filter(plan=plan).select_related("target", "lead_unit"):
        reporter = User.objects.filter(organisation=assignment.lead_unit, is_active=True,
                                       role_grants__role=Role.DEPARTMENT_USER).first()
        if reporter is None:
            reporter = _unit_user(assignment.lead_unit)
        pace = rng.uniform(0.6, 1.25)  # how well this unit keeps up
        start = assignment.baseline_value if assignment.target.kind != "amount" else 0.0
        goal = assignment.target.value if assignment.target.kind != "growth" else start * (
            1 + assignment.target.value / 100)
        start = start if start is not None else goal * 0.9
        periods = [p for p in periods_between(assignment.period_start, assignment.period_end, assignment.frequency)
                   if p.due < today]
        for index, period in enumerate(periods, start=1):
            if rng.random() < 0.08:
                continue  # never filed: the reminders chase it
            fraction = index / 4
            value = round(start + (goal - start) * min(fraction * pace * rng.uniform(0.9, 1.1), 1.3), 2)
            narrative = f"{period.key}按计划推进，完成{value:g}。"
            report = services.report_save(
                actor=reporter, assignment=assignment, unit=assignment.lead_unit, today=period.due,
                data=services.ReportInput(period.key, value=value, narrative=narrative))
            services.report_transition(actor=reporter, report=report, name="submit")
            late = rng.random() < 0.15
            submitted = dt.datetime.combine(period.due + dt.timedelta(days=rng.randint(2, 12) if late else
                                                                     -rng.randint(0, 8)), dt.time(10),
                                            tzinfo=dt.UTC)
            if not returned and index == len(periods) and plan.year == today.year:
                services.report_transition(actor=planner, report=report, name="return",
                                           reason="佐证材料不全，请补充认定文件后重新提交。")
                returned = True
            else:
                services.report_transition(actor=planner, report=report, name="accept")
            ProgressReport.objects.filter(pk=report.pk).update(submitted_at=submitted)


def _unit_user(unit: Organisation) -> User:
    from kechuang.core.demo import DEMO_PASSWORD
    from kechuang.core.services import user_create

    return user_create(actor=None, username=f"unit{unit.pk}", password=DEMO_PASSWORD, organisation=unit,
                       roles=[Role.DEPARTMENT_USER], display_name=f"{unit.short_name or unit.name} · 填报员")
