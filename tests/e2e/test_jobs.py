"""The bureau administrator checks the scheduled jobs and runs one at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from kechuang.core.models import JobRun
from kechuang.core.roles import Role
from kechuang.core.scheduler import tick
from tests.conftest import PASSWORD
from tests.e2e.conftest import check_accessibility, login

pytestmark = pytest.mark.django_db(transaction=True)


def test_admin_reads_the_jobs_and_runs_one_now(page, world, tmp_path) -> None:
    yesterday = timezone.now() - timedelta(days=1)
    tick(now=yesterday)  # yesterday's periods ran
    JobRun.objects.create(job="enterprises.reassess", period_start=yesterday - timedelta(days=1),
                          enqueued_at=yesterday - timedelta(days=1), status=JobRun.Status.FAILED,
                          finished_at=yesterday - timedelta(days=1),
                          error="OperationalError: could not connect to server")
    login(page, world.user(Role.BUREAU_ADMIN).username, PASSWORD)
    page.click("nav >> text=定时任务")
    assert page.locator("h1").inner_text() == "定时任务"
    table = page.locator("table").inner_text()
    for label in ("重新计算指标状态和信号灯", "进展填报提醒", "高企证书到期续期提醒", "重新评估全部企业"):
        assert label in table
    assert "每天 18:30" in table and "OperationalError" in table
    check_accessibility(page)
    row = page.locator("tr", has_text="重新计算指标状态和信号灯")
    row.get_by_role("button", name="立即运行").click()
    page.wait_for_load_state()
    assert "已加入队列" in page.locator("body").inner_text()
    assert "由 " in page.locator("tr", has_text="重新计算指标状态和信号灯").inner_text()  # run now by the admin
    page.screenshot(path=str(tmp_path / "jobs.png"), full_page=True)


def test_the_menu_has_no_jobs_entry_for_a_planner(page, world) -> None:
    login(page, world.user(Role.PLANNER).username, PASSWORD)
    assert page.locator("nav >> text=定时任务").count() == 0
