"""A planner matches an unrecognised unit name on the review page; an administrator keeps aliases."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kechuang.core.models import OrganisationAlias
from kechuang.core.roles import Role
from kechuang.plans import services
from kechuang.plans.models import Responsibility
from tests.conftest import PASSWORD
from tests.e2e.conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = Path(os.environ.get("KECHUANG_SHOTS", "/tmp"))

PLAN = """海滨市科学技术局2026年工作要点
一、提升企业创新能力
1.培育高新技术企业。全年新认定高新技术企业50家以上。（牵头单位：火炬办）
2.加强研发投入。研发投入占比达到2.5%。（牵头单位：火炬办；配合单位：各区县科技局）
"""


def test_planner_matches_a_unit_name_and_admin_sees_the_alias(page, world) -> None:
    planner = world.user(Role.PLANNER)
    [plan] = services.plan_import(actor=planner, document=services.parse_pasted(text=PLAN))
    login(page, planner.username, PASSWORD)
    page.click("nav >> text=工作计划")
    page.click(f"text={plan.title}")
    if "/review/" not in page.url:
        page.click("text=审核")
    control = page.locator("form.match-unit").first
    control.locator("select").select_option(label=world.department.name)
    page.screenshot(path=str(SHOTS / "unit_match_review.png"), full_page=True)
    control.locator("button").click()
    page.wait_for_load_state()
    assert "已将2处“火炬办”匹配为" in page.locator("body").inner_text()
    assert set(Responsibility.objects.filter(name="火炬办").values_list("organisation", flat=True)) == {
        world.department.pk}

    page.context.clear_cookies()
    login(page, world.user(Role.BUREAU_ADMIN).username, PASSWORD)
    page.goto(page.base + f"/organisations/{world.department.pk}/")
    assert "火炬办" in page.locator("#aliases").inner_text()
    page.fill("#id_alias", "高新办")
    page.click("#aliases button[type=submit] >> text=添加别名")
    page.wait_for_load_state()
    assert OrganisationAlias.objects.filter(organisation=world.department, text="高新办").exists()
    page.screenshot(path=str(SHOTS / "unit_match_aliases.png"), full_page=True)
