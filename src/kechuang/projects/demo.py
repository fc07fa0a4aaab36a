"""Demo data for the programme cycle: one programme with a call in each phase, every application moved
there through the real services (so the audit trail, notifications and scores are genuine).

Builds on ``kechuang demo-data`` (its organisations and the officer / enterprise / expert / admin logins).
Running it twice changes nothing: the demo programme is detected and kept.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from kechuang.core.demo import DEMO_PASSWORD
from kechuang.core.idnumber import make_id_number
from kechuang.core.models import Organisation, User
from kechuang.core.roles import OrgKind, Role
from kechuang.core.services import user_create
from kechuang.projects.models import Application, Call, ExpertProfile, Programme
from kechuang.projects.services import applications as svc
from kechuang.projects.services import award, execution, review

PROGRAMME = "市重点研发计划（示范）"
RUBRIC = [{"code": "innovation", "label": "创新性", "max": 30}, {"code": "feasibility", "label": "可行性", "max": 30},
          {"code": "team", "label": "团队基础", "max": 20}, {"code": "benefit", "label": "预期效益", "max": 20}]
TOPICS = [{"code": "T1", "title": "智能制造与机器人"}, {"code": "T2", "title": "新材料"}]
IDEAS = [
    ("注塑件缺陷在线视觉检测系统", "机器视觉", "52010"), ("高精度伺服电机控制器研制", "伺服控制", "52010"),
    ("石墨烯导热膜规模化制备", "石墨烯", "43020"), ("海洋防腐涂层长效性能提升", "防腐涂层", "43020"),
    ("协作机器人柔性装配工作站", "柔性装配", "52010"), ("轻量化铝合金压铸工艺", "压铸", "43020"),
    ("锂电池极片缺陷检测装备", "极片检测", "52010"), ("可降解包装材料开发", "可降解", "43020"),
]
SENTENCES = [
    "建立覆盖{k}全流程的数据采集平台，积累不少于{n}万条样本。", "研制{k}专用样机并完成{n}千小时可靠性试验。",
    "联合高校攻关{k}核心算法，缩短工艺调试周期{n}成。", "在{n}条产线开展{k}示范应用并形成行业标准草案。",
    "开发{k}边缘计算模块，单件处理时间降至{n}十毫秒。", "构建{k}材料配方数据库，筛选{n}类候选体系。",
    "攻克{k}规模化制备中的一致性难题，良率提升到九成{n}。", "形成{k}成套工艺包，在{n}家上下游企业推广。",
    "完成{k}国产化替代验证，关键部件自给率达到{n}成。", "培养{k}方向工程技术人才{n}十名。",
]
# One realistic call per phase, each with its own name, so lists and notices tell them apart.
CALL_TITLES = {
    "draft": "{year}年度市重点研发计划“数字经济”专项申报指南（征求意见稿）",
    "open": "{year}年度市重点研发计划“智能制造与新材料”项目申报指南",
    "review": "{year}年度市重点研发计划“工业母机”揭榜挂帅项目申报指南",
    "decided": "{year}年度市重点研发计划“绿色低碳技术”专项申报指南",
    "execution": "{year}年度市重点研发计划“新一代信息技术”项目申报指南",
    "closed": "{year}年度市重点研发计划“生物医药”专项申报指南",
}
PHASES = (Call.Status.DRAFT, Call.Status.OPEN, Call.Status.REVIEW, Call.Status.DECIDED, Call.Status.EXECUTION,
          Call.Status.CLOSED)


def _applicants() -> list[User]:
    """The demo enterprise user plus one applicant user for five more enterprises."""
    users = [User.objects.get(username="enterprise")]
    for i, org in enumerate(Organisation.objects.filter(kind=OrgKind.ENTERPRISE).order_by("pk")[1:6], start=2):
        users.append(User.objects.filter(username=f"enterprise{i}").first() or user_create(
            actor=None, username=f"enterprise{i}", password=DEMO_PASSWORD, organisation=org,
            roles=[Role.ENTERPRISE_USER], display_name=f"{org.name[:12]} · enterprise{i}"))
    return users


def _experts() -> list[User]:
    experts = [User.objects.get(username="expert")]
    pool = Organisation.objects.filter(kind__in=[OrgKind.UNIVERSITY, OrgKind.INSTITUTE]).order_by("pk")
    for i, org in enumerate(pool[:10], start=2):
        experts.append(User.objects.filter(username=f"expert{i}").first() or user_create(
            actor=None, username=f"expert{i}", password=DEMO_PASSWORD, organisation=org, roles=[Role.EXPERT],
            display_name=f"专家{i}"))
    for i, user in enumerate(experts):
        ExpertProfile.objects.get_or_create(user=user, defaults={
            "fields": ["52010", "43020"] if i % 3 == 0 else (["52010"] if i % 2 else ["43020"]), "max_load": 12})
    return experts


def _draft(user: User, call: Call, n: int) -> Application:
    title, keyword, field = IDEAS[(call.pk * 3 + n) % len(IDEAS)]
    app = svc.application_start(actor=user, call=call)
    svc.application_save_draft(actor=user, application=app, changes={
        "topic": "T1" if field == "52010" else "T2", "field": field, "title": f"{title}（{call.year}-{n}）",
        "summary": _summary(keyword, call.pk * 7 + n),
        "objectives": f"突破{keyword}关键技术{n % 3 + 2}项，实现产业化应用。",
        "leader_name": f"负责人{n}",
        "leader_id_number": make_id_number("330203", dt.date(1980, 1, 1), call.pk * 100 + n),
        "kpis": [{"indicator": "发明专利申请", "comparator": ">=", "value": "3", "unit": "项"},
                 {"indicator": "新增销售收入", "comparator": ">=", "value": "500", "unit": "万元"}],
        "team": [{"name": f"骨干{n}", "role": "技术骨干",
                  "id_number": make_id_number("330203", dt.date(1990, 1, 1), call.pk * 100 + n)}],
        "start_date": dt.date(call.year, 7, 1), "end_date": dt.date(call.year + 2, 6, 30),
        "equipment_purchase": Decimal(200_000), "operations": Decimal(300_000 + 10_000 * n),
        "labour": Decimal(100_000), "indirect": Decimal(90_000), "self_raised": Decimal(1_000_000)})
    for kind in call.required_attachments:
        svc.document_add(actor=user, application=app, kind=kind, upload=SimpleUploadedFile(
            f"{kind}.pdf", f"%PDF-1.4\n% {kind} {app.pk}\n".encode(), content_type="application/pdf"))
    return app


def _summary(keyword: str, seed: int) -> str:
    """A distinct summary per application, so the demo's own texts do not trip the duplicate check."""
    rng = random.Random(seed)
    return "".join(s.format(k=keyword, n=rng.randint(2, 9)) for s in rng.sample(SENTENCES, 4))


def _call(officer: User, programme: Programme, status: str, year: int) -> Call:
    now = timezone.now()
    return svc.call_create(actor=officer, programme=programme, data=svc.CallInput(
        title=CALL_TITLES[status].format(year=year), year=year,
        opens_at=now - dt.timedelta(days=30), deadline=now + dt.timedelta(days=30),
        total_budget=Decimal(3_000_000), per_project_cap=Decimal(1_000_000), topics=TOPICS, rubric=RUBRIC,
        organisation_types=["enterprise"], region_prefixes=["3302"], required_attachments=["可行性研究报告"],
        experts_per_application=3, review_deadline=now + dt.timedelta(days=45), co_funding_ratio=Decimal("1.00"),
        max_open_projects_per_leader=2))


def _review_and_decide(officer: User, call: Call, apps: list[Application], experts: list[User]) -> None:
    for app in apps:
        svc.application_submit(actor=app.created_by, application=app)
        svc.formal_check_start(actor=officer, application=app)
        svc.formal_check_pass(actor=officer, application=app, note="材料齐全")
    review.assign_call(actor=officer, call=call)
    for i, app in enumerate(apps):
        for j, a in enumerate(app.assignments.select_related("expert")):
            base = 0.55 + 0.05 * ((i * 3 + j) % 7)
            review.review_submit(actor=a.expert, application=app, comment="技术路线清晰，建议关注产业化风险。",
                                 scores={c["code"]: round(c["max"] * base, 1) for c in RUBRIC})
        review.review_close(actor=officer, application=app)
    review.call_score(actor=officer, call=call)
    award.awards_propose(actor=officer, call=call)
    award.decision_record(actor=officer, call=call, meeting="局长办公会（示范）",
                          minutes="按专家评审排名，在预算内立项。")


@transaction.atomic
def load_project_demo(*, year: int | None = None) -> bool:
    """Create the demo programme and its calls unless they exist; True when created."""
    if Programme.objects.filter(name=PROGRAMME).exists():
        return False
    year = year or timezone.localdate().year
    officer = User.objects.get(username="officer")
    applicants, experts = _applicants(), _experts()
    programme = svc.programme_create(actor=officer, name=PROGRAMME, category="重点研发",
                                     department=officer.organisation, officer=officer)
    for status in PHASES:
        call = _call(officer, programme, status, year)
        if status == Call.Status.OPEN:
            _draft(applicants[0], call, 1)
            second = _draft(applicants[1], call, 2)
            svc.application_submit(actor=second.created_by, application=second)
        elif status != Call.Status.DRAFT:
            apps = [_draft(user, call, n) for n, user in enumerate(applicants, start=1)]
            if status == Call.Status.REVIEW:
                for app in apps[:3]:
                    svc.application_submit(actor=app.created_by, application=app)
                    svc.formal_check_start(actor=officer, application=app)
                svc.formal_check_return(actor=officer, application=apps[0], reasons="可行性报告缺少经费测算依据。")
                for app in apps[1:3]:
                    svc.formal_check_pass(actor=officer, application=app)
                review.assign_call(actor=officer, call=call)
            else:
                _review_and_decide(officer, call, apps, experts)
                if status in (Call.Status.EXECUTION, Call.Status.CLOSED):
                    _execute(officer, call, closed=status == Call.Status.CLOSED)
        svc.call_set_status(actor=officer, call=call, status=status, reason="演示数据")
        if status not in (Call.Status.DRAFT, Call.Status.OPEN):
            Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - dt.timedelta(days=5))
    return True


def _execute(officer: User, call: Call, *, closed: bool) -> None:
    for app in call.applications.filter(state="awarded").select_related("created_by"):
        applicant = app.created_by
        execution.contract_generate(actor=officer, application=app)
        execution.contract_sign(actor=applicant, application=Application.objects.get(pk=app.pk))
        execution.contract_sign(actor=officer, application=Application.objects.get(pk=app.pk))
        app = Application.objects.get(pk=app.pk)
        execution.disbursement_record(actor=officer, application=app, amount=app.contract.amount / 2,
                                      paid_on=timezone.localdate(), note="首期拨款")
        if not closed and app.pk % 2:
            continue
        execution.midterm_submit(actor=applicant, application=app, report="按计划推进，样机完成。", progress={})
        execution.midterm_record(actor=officer, application=app, conclusion="进展正常")
        execution.acceptance_request(actor=applicant, application=app, final_report="全面完成任务书目标。",
                                     achieved={"发明专利申请": "4", "新增销售收入": "620"})
        if closed:
            execution.acceptance_decide(actor=officer, application=app, passed=True, expert_opinion="同意通过验收")
            execution.evaluation_record(actor=officer, application=app, score=Decimal(88), grade="good",
                                        note="绩效良好", funds_settled=True)
            execution.project_close(actor=officer, application=app)
