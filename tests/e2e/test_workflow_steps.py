"""The shared step buttons in a real browser: allowed steps open their form, refused ones say why not."""

from __future__ import annotations

import pytest
from django.utils import timezone

from kechuang.core.roles import Role
from kechuang.projects.services import review
from kechuang.tracking import selectors
from kechuang.tracking.models import Assignment
from kechuang.tracking.services import ReportInput, report_save
from tests.conftest import PASSWORD
from tests.e2e.conftest import check_accessibility, login
from tests.e2e.test_tracking import plan  # noqa: F401  (the tracked plan fixture)
from tests.projects.conftest import Projects
from tests.projects.helpers import to_review

pytestmark = pytest.mark.django_db(transaction=True)


def test_officer_sees_why_expert_review_cannot_close_yet(page, world, _media, tmp_path) -> None:
    p = Projects(world)
    app = to_review(p, p.draft())
    review.assign_call(actor=p.officer, call=app.call)
    login(page, p.officer.username, PASSWORD)
    page.goto(f"{page.base}/projects/applications/{app.pk}/")
    close = page.locator("[data-step=complete_review]")
    assert close.locator("button[disabled]").inner_text() == "结束专家评审"
    assert "尚有专家未提交评审意见" in close.inner_text()
    page.screenshot(path=str(tmp_path / "application-officer.png"), full_page=True)
    check_accessibility(page)


def test_unit_sees_why_its_draft_cannot_be_submitted(page, world, plan, tmp_path) -> None:  # noqa: F811
    dept = world.user(Role.DEPARTMENT_USER, world.department)
    assignment = Assignment.objects.filter(target__plan=plan, lead_unit=world.department, metric_code="").first()
    period = selectors.reportable_periods(assignment, world.department, timezone.localdate())[0]
    report = report_save(actor=dept, assignment=assignment, unit=world.department,
                         data=ReportInput(period.key, narrative="正在汇总"))
    login(page, dept.username, PASSWORD)
    page.goto(f"{page.base}/tracking/reports/{report.pk}/")
    submit = page.locator("[data-step=submit]")
    assert submit.locator("button[disabled]").inner_text() == "提交"
    assert "提交前请填写完成值。" in submit.inner_text()
    page.screenshot(path=str(tmp_path / "report-dept.png"), full_page=True)
    check_accessibility(page)
