"""An enterprise user fills in a year's figures in a real browser and reads what it still lacks."""

from __future__ import annotations

import pytest

from kechuang.core.roles import Role
from tests.conftest import PASSWORD
from tests.e2e.conftest import check_accessibility, login
from tests.enterprises.conftest import THIS_YEAR, make_profile

pytestmark = pytest.mark.django_db(transaction=True)


def test_enterprise_user_enters_figures_and_reads_its_gaps(page, world) -> None:
    make_profile(world.enterprise, years=2)
    user = world.user(Role.ENTERPRISE_USER)
    login(page, user.username, PASSWORD)
    page.click("nav >> text=我的企业")
    check_accessibility(page)
    page.click("text=填报年度数据")
    # New figures start on the latest year without figures; a year already on file is refused, with a
    # link to that year's own page instead of silently replacing its figures.
    assert page.input_value("#id_year") == str(THIS_YEAR - 3)
    figures = {"sales_revenue": "30000000", "total_income": "31000000",
               "high_tech_income": "15000000", "rd_expense": "1300000", "rd_expense_domestic": "1200000",
               "total_assets": "40000000", "net_assets": "20000000", "employees": "120", "st_staff": "130"}
    page.fill("#id_year", str(THIS_YEAR - 1))
    for name, value in figures.items():
        page.fill(f"#id_{name}", value)
    page.click("main form.card button[type=submit]")
    page.click(f"#id_year_error a[href$='/figures/{THIS_YEAR - 1}/']")
    assert page.input_value("#id_sales_revenue") != figures["sales_revenue"]  # the values on file
    # A first attempt with more S&T staff than employees is refused inline, on the field.
    for name, value in figures.items():
        page.fill(f"#id_{name}", value)
    page.click("main form.card button[type=submit]")
    assert "不能多于职工总数" in page.inner_text("#id_st_staff_error")
    page.fill("#id_st_staff", "10")
    page.click("main form.card button[type=submit]")
    page.wait_for_url("**/assessment/")
    check_accessibility(page)
    gaps = page.inner_text(".gaps")
    assert "科技人员占职工总数" in gaps  # 10 of 120 is under 10 %
    assert "高新技术产品（服务）收入占总收入" in gaps  # 15 of 31 million is under 60 %
    assert "核心支持作用" in gaps  # no IP on file
    row = page.locator("tr[data-code='hte.st_staff']")
    assert "8.33%" in row.inner_text() and "不符合" in row.inner_text()
