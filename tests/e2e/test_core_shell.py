"""A clerk's first steps: log in, navigate, switch language, create and edit an organisation."""

from __future__ import annotations

import pytest

from kechuang.core.models import Organisation
from kechuang.core.roles import Role
from kechuang.core.uscc import make_uscc_from_parts
from tests.conftest import PASSWORD
from tests.e2e.conftest import check_accessibility, login

pytestmark = pytest.mark.django_db(transaction=True)


def test_login_navigate_and_switch_language(page, world) -> None:
    user = world.user(Role.BUREAU_ADMIN)
    page.goto(page.base + "/login/")
    check_accessibility(page)
    login(page, user.username, PASSWORD)
    assert page.locator("h1").inner_text() == "仪表盘"
    check_accessibility(page)
    page.click("nav >> text=单位")
    assert page.locator("h1").inner_text() == "单位"
    assert page.locator("table tbody tr").count() >= 4
    check_accessibility(page)
    page.click("text=English")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Organisations"
    page.click("text=中文")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "单位"


def test_search_filters_the_table_live(page, world) -> None:
    login(page, world.user(Role.PLANNER).username, PASSWORD)
    page.goto(page.base + "/organisations/")
    page.fill("#id_q", "乙科技")
    page.wait_for_function("document.querySelectorAll('#org-table tbody tr').length === 1")
    assert "乙科技有限公司" in page.locator("#org-table").inner_text()


def test_create_with_bad_credit_code_then_good_one_then_edit(page, world) -> None:
    login(page, world.user(Role.PROGRAMME_OFFICER).username, PASSWORD)
    page.goto(page.base + "/organisations/new/")
    check_accessibility(page)
    good = make_uscc_from_parts("330203", "ME000001")
    bad = good[:-1] + ("1" if good[-1] != "1" else "2")
    page.fill("#id_name", "浏览器测试科技有限公司")
    page.select_option("#id_kind", "enterprise")
    page.fill("#id_uscc", bad)
    page.fill("#id_region", "330203")
    page.click("form.card button[type=submit]")
    error = page.locator("#id_uscc_error")
    assert "校验码错误" in error.inner_text()
    assert page.locator("#id_uscc").get_attribute("aria-invalid") == "true"
    check_accessibility(page)
    assert not Organisation.objects.filter(name="浏览器测试科技有限公司").exists()

    page.fill("#id_uscc", good)
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/organisations/*/")
    assert page.locator("h1").inner_text() == "浏览器测试科技有限公司"
    assert "已创建" in page.locator(".alert-success").inner_text()
    check_accessibility(page)

    page.click("text=编辑")
    page.fill("#id_contact_name", "王敏")
    page.fill("#id_reason", "补充联系人")
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/organisations/*/")
    history = page.locator("text=补充联系人")
    assert history.count() == 1
    assert Organisation.objects.get(uscc=good).contact_name == "王敏"
