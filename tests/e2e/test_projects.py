"""One application from draft to acceptance in a real browser, across applicant, officer and experts."""

from __future__ import annotations

import pytest

from kechuang.projects.models import Application
from tests.conftest import PASSWORD
from tests.e2e.conftest import check_accessibility
from tests.projects.conftest import Projects

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, user, password: str = PASSWORD) -> None:
    page.context.clear_cookies()
    page.goto(page.base + "/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.press("#id_password", "Enter")
    page.wait_for_load_state()


def step(page, app_pk: int, action: str, **fields: str) -> None:
    """Open the application and press the button of the form carrying ``action``."""
    page.goto(f"{page.base}/projects/applications/{app_pk}/")
    form = page.locator(f"form:has(input[name=action][value={action}])").first
    for name, value in fields.items():
        form.locator(f"[name='{name}']").fill(value)
    form.locator("button").first.click()
    page.wait_for_load_state()


def take(page, app_pk: int, code: str, **fields: str) -> None:
    """Open the application and take workflow step ``code`` from the shared step buttons (opening its form
    first when it has one); ``fields`` are the step form's fields or ``reason``."""
    page.goto(f"{page.base}/projects/applications/{app_pk}/")
    box = page.locator(f"[data-step={code}]")
    if box.locator("summary").count():
        box.locator("summary").click()
    for name, value in fields.items():
        box.locator(f"[name='{name}'], [name='{code}-{name}']").first.fill(value)
    box.locator("form button[type=submit]").click()
    page.wait_for_load_state()


def state(pk: int) -> str:
    return Application.objects.get(pk=pk).state


def test_application_from_draft_to_acceptance(page, world, _media) -> None:
    p = Projects(world)
    # Applicant: open a draft, fill the sections over several saves, attach, submit.
    sign_in(page, p.applicant)
    page.goto(f"{page.base}/projects/calls/{p.call.pk}/")
    page.click(f"form[action$='/calls/{p.call.pk}/apply/'] button")
    page.wait_for_load_state()
    app = Application.objects.get(created_by=p.applicant)
    check_accessibility(page)
    page.select_option("#id_topic", "T1")
    page.fill("#id_field", "52010")
    page.fill("#id_title", "浏览器端到端测试项目")
    page.fill("#id_leader_name", "王伟")
    page.fill("#id_leader_id_number", "33020319800101001X")
    page.fill("#id_summary", "研究注塑件缺陷在线检测方法并开展示范应用。")
    page.fill("#id_objectives", "检测准确率不低于百分之九十九。")
    page.click("form[enctype] button[type=submit]")
    page.goto(f"{page.base}/projects/applications/{app.pk}/edit/?section=targets")
    page.fill("#id_kpis", "发明专利申请 | >= | 3 | 项")
    page.fill("#id_start_date", "2026-07-01")
    page.fill("#id_end_date", "2028-06-30")
    page.click("form[enctype] button[type=submit]")
    page.goto(f"{page.base}/projects/applications/{app.pk}/edit/?section=budget")
    for name, value in {"equipment_purchase": "200000", "equipment_other": "0", "operations": "300000",
                        "labour": "100000", "indirect": "100000", "self_raised": "800000"}.items():
        page.fill(f"#id_{name}", value)
    page.click("form[enctype] button[type=submit]")
    page.goto(f"{page.base}/projects/applications/{app.pk}/edit/?section=documents")
    page.set_input_files("#id_file", files=[{"name": "plan.pdf", "mimeType": "application/pdf",
                                             "buffer": b"%PDF-1.4\n% e2e\n"}])
    page.click("form[enctype] button[type=submit]")
    page.click(f"form[action$='/applications/{app.pk}/submit/'] button")
    page.wait_for_load_state()
    assert state(app.pk) == "submitted"

    # Officer: formal check, then automatic expert assignment.
    sign_in(page, p.officer)
    take(page, app.pk, "start_formal_check")
    take(page, app.pk, "pass_formal_check")
    assert state(app.pk) == "expert_review"
    page.goto(f"{page.base}/projects/queue/")
    check_accessibility(page)
    page.goto(f"{page.base}/projects/calls/{p.call.pk}/")
    page.click("form:has(input[name=action][value=assign]) button")
    page.wait_for_load_state()

    # Experts: each reviews from its own login, without seeing the applicant's name.
    for assignment in app.assignments.select_related("expert"):
        sign_in(page, assignment.expert, "Testpass2026")
        page.goto(f"{page.base}/projects/reviews/")
        page.click(f"a[href$='/applications/{app.pk}/review/']")
        assert world.enterprise.name not in page.content()
        check_accessibility(page)
        page.fill("#id_score_merit", "34")
        page.fill("#id_score_team", "25")
        page.fill("#id_score_plan", "26")
        page.fill("#id_comment", "技术路线清晰。")
        page.click("form[novalidate] button[type=submit]")
        page.wait_for_load_state()

    # Officer: close review, rank, record the decision, contract.
    sign_in(page, p.officer)
    take(page, app.pk, "complete_review")
    page.goto(f"{page.base}/projects/calls/{p.call.pk}/ranking/")
    check_accessibility(page)
    page.click("form:has(input[name=action][value=score]) button")
    page.click("form:has(input[name=action][value=propose]) button")
    page.fill("#id_meeting", "局长办公会")
    page.fill("#id_minutes", "同意立项")
    page.click("form:has(input[name=action][value=decide]) button")
    page.wait_for_load_state()
    assert state(app.pk) == "awarded"
    take(page, app.pk, "draft_contract")

    sign_in(page, p.applicant)
    step(page, app.pk, "applicant_sign")
    sign_in(page, p.officer)
    take(page, app.pk, "sign_contract")
    take(page, app.pk, "start", amount="300000", paid_on="2026-08-01")
    assert state(app.pk) == "in_progress"

    # Mid-term check and acceptance against the contracted targets.
    sign_in(page, p.applicant)
    step(page, app.pk, "midterm_report", report="样机已完成。")
    sign_in(page, p.officer)
    take(page, app.pk, "record_midterm_check", reason="进展正常")
    sign_in(page, p.applicant)
    take(page, app.pk, "request_acceptance", final_report="全面完成。", achieved_0="4")
    sign_in(page, p.officer)
    take(page, app.pk, "accept", expert_opinion="同意通过验收")
    assert state(app.pk) == "accepted"
    page.goto(f"{page.base}/projects/applications/{app.pk}/timeline/")
    assert page.locator("ol.timeline li").count() >= 12
    check_accessibility(page)
