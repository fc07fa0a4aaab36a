"""The planner's and the unit user's paths through plan tracking, including a returned report."""

from __future__ import annotations

import pytest
from django.utils import timezone

from kechuang.core.roles import Role
from kechuang.plans import services as plan_services
from kechuang.tracking import services
from kechuang.tracking.recompute import status_recompute
from tests.conftest import PASSWORD
from tests.e2e.conftest import check_accessibility, login
from tests.tracking.conftest import PLAN_TEXT

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def plan(world):
    planner = world.user(Role.PLANNER)
    year = timezone.localdate().year
    upload = plan_services.parse_pasted(text=PLAN_TEXT.replace("2025", str(year)))
    plan = plan_services.plan_import(actor=planner, document=upload)[0]
    plan_services.plan_confirm(actor=planner, plan=plan)
    services.assignments_prefill(actor=planner, plan=plan)
    status_recompute()
    return plan


def test_planner_watches_the_plan(page, world, plan) -> None:
    login(page, world.user(Role.PLANNER).username, PASSWORD)
    page.click("nav >> text=规划实施跟踪")
    assert page.locator("h1").inner_text() == "规划实施跟踪"
    assert page.locator("[data-chart]").count() >= 3
    check_accessibility(page)
    page.click("text=本规划的汇总与任务分解")
    assert "百分比如何计算" in page.content()
    check_accessibility(page)
    page.click("table a:has-text(\"高新技术企业\")")
    assert "高新处" in page.locator("main").inner_text()
    check_accessibility(page)
    page.goto(page.base + f"/tracking/plans/{plan.pk}/assessment/")
    assert page.locator("table").first.locator("tbody tr").count() == 2
    check_accessibility(page)


def test_unit_reports_and_resubmits_a_returned_report(page, browser, world, plan) -> None:
    dept = world.user(Role.DEPARTMENT_USER, world.department)
    login(page, dept.username, PASSWORD)
    page.click("nav >> text=我的任务")
    check_accessibility(page)
    page.click("a.btn:has-text('填报')")
    check_accessibility(page)
    page.fill("#id_value", "十二")
    page.click("button[name=submit]")
    assert "请以数字填写完成值" in page.locator("main").inner_text()
    page.fill("#id_value", "12")
    page.fill("#id_narrative", "新认定12家")
    page.click("button[name=submit]")
    assert page.locator("#report-state").inner_text() == "已提交"
    check_accessibility(page)
    report_url = page.url

    planner_context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True, locale="zh-CN")
    planner = planner_context.new_page()
    planner.base = page.base
    login(planner, world.user(Role.PLANNER).username, PASSWORD)
    planner.goto(report_url)
    planner.click("[data-step=return] summary")
    planner.fill("#id_reason_return", "缺少认定名单")
    planner.click("[data-step=return] button[type=submit]")
    assert planner.locator("#report-state").inner_text() == "已退回"
    check_accessibility(planner)
    planner_context.close()

    page.goto(report_url)
    assert "缺少认定名单" in page.locator("main").inner_text()
    page.click("main a.btn-outline-primary[href*='/report/']")
    page.fill("#id_value", "13")
    page.click("button[name=submit]")
    assert page.locator("#report-state").inner_text() == "已提交"
    check_accessibility(page)
