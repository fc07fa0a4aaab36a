"""An enterprise user fills in a year's figures in a real browser and reads what it still lacks.

Self-contained (its own browser fixture) so it runs with or without the shared e2e conftest.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import PASSWORD
from tests.enterprises.conftest import THIS_YEAR, make_profile

from kechuang.core.roles import Role

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
CHROMIUM = "/usr/bin/chromium"

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def enterprise_page(live_server, settings) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's chromium.")
    settings.DEBUG = False
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        page = context.new_page()
        page.set_default_timeout(15000)
        page.base = live_server.url
        yield page
        browser.close()


def test_enterprise_user_enters_figures_and_reads_its_gaps(enterprise_page, world) -> None:
    page = enterprise_page
    make_profile(world.enterprise, years=2)
    user = world.user(Role.ENTERPRISE_USER)
    page.goto(page.base + "/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main form[method=post] button.btn-primary")
    page.wait_for_load_state()
    page.click("nav >> text=我的企业")
    page.click("text=填报年度数据")
    # A first attempt with more S&T staff than employees is refused inline, on the field.
    figures = {"year": str(THIS_YEAR - 1), "sales_revenue": "30000000", "total_income": "31000000",
               "high_tech_income": "15000000", "rd_expense": "1000000", "rd_expense_domestic": "900000",
               "total_assets": "40000000", "net_assets": "20000000", "employees": "120", "st_staff": "130"}
    for name, value in figures.items():
        page.fill(f"#id_{name}", value)
    page.click("main form.card button[type=submit]")
    assert "不能多于职工总数" in page.inner_text("#id_st_staff_error")
    page.fill("#id_st_staff", "10")
    page.click("main form.card button[type=submit]")
    page.wait_for_url("**/assessment/")
    gaps = page.inner_text(".gaps")
    assert "科技人员占职工总数" in gaps  # 10 of 120 is under 10 %
    assert "高新技术产品（服务）收入占总收入" in gaps  # 15 of 31 million is under 60 %
    assert "核心支持作用" in gaps  # no IP on file
    row = page.locator("tr[data-code='hte.st_staff']")
    assert "8.33%" in row.inner_text() and "不符合" in row.inner_text()
