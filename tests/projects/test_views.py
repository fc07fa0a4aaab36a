"""Pages: each role reaches its pages, others are refused, lists stay within a fixed number of queries."""

from __future__ import annotations

import pytest
from django.test import Client

from kechuang.projects.models import Application
from tests.projects.helpers import to_award, to_review

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def many_applications(projects, n: int = 40) -> None:
    Application.objects.bulk_create([
        Application(call=projects.call, organisation=projects.world.enterprise, created_by=projects.applicant,
                    title=f"项目{i}", state=("submitted", "formal_check", "expert_review")[i % 3])
        for i in range(n)])


def test_officer_pages_answer(projects):
    app = to_award(projects, projects.draft())
    client = client_for(projects.officer)
    call = projects.call.pk
    for url in ("/projects/", f"/projects/calls/{call}/", f"/projects/calls/{call}/applications/?state=awarded",
                f"/projects/calls/{call}/ranking/", "/projects/queue/", f"/projects/applications/{app.pk}/",
                f"/projects/applications/{app.pk}/timeline/", f"/projects/applications/{app.pk}/reviewers/"):
        assert client.get(url).status_code == 200, url
    sheet = client.get(f"/projects/calls/{call}/awards.xlsx")
    assert sheet.status_code == 200 and sheet["Content-Type"].endswith("spreadsheetml.sheet")
    assert client.get(f"/projects/calls/{call}/assignments.xlsx").status_code == 200


def test_applicant_pages_answer_and_officer_pages_refuse(projects):
    app = projects.draft()
    client = client_for(projects.applicant)
    for url in ("/projects/", "/projects/mine/", f"/projects/applications/{app.pk}/",
                f"/projects/applications/{app.pk}/edit/?section=budget",
                f"/projects/applications/{app.pk}/edit/?section=documents"):
        assert client.get(url).status_code == 200, url
    assert client.get("/projects/queue/").status_code == 403
    assert client.get(f"/projects/calls/{projects.call.pk}/applications/").status_code == 403


def test_applicant_cannot_read_another_applicants_file(projects):
    app = projects.draft()
    response = client_for(projects.other_applicant).get(f"/projects/applications/{app.pk}/")
    assert response.status_code == 403
    assert "该申报书属于其他单位" in response.content.decode()


def test_draft_form_saves_a_section_and_submission_lists_problems(projects):
    client = client_for(projects.applicant)
    response = client.post(f"/projects/calls/{projects.call.pk}/apply/")
    app = Application.objects.filter(created_by=projects.applicant).latest("pk")
    assert response.status_code == 302
    response = client.post(f"/projects/applications/{app.pk}/edit/?section=targets", {
        "kpis": "发明专利 | >= | 3 | 项\n样机 | >= | 1 | 台", "start_date": "2026-07-01", "end_date": "2028-06-30",
        "schedule": "2026H2 | 完成设计"})
    assert response.status_code == 302
    app.refresh_from_db()
    assert [k["indicator"] for k in app.kpis] == ["发明专利", "样机"]
    refused = client.post(f"/projects/applications/{app.pk}/submit/")
    assert refused.status_code == 400
    assert Application.objects.get(pk=app.pk).state == "draft"


def test_expert_queue_and_review_form(projects):
    app = to_review(projects, projects.draft())
    client = client_for(projects.officer)
    client.post(f"/projects/calls/{projects.call.pk}/action/", {"action": "assign"})
    expert = app.assignments.first().expert
    expert_client = client_for(expert)
    assert app.title in expert_client.get("/projects/reviews/").content.decode()
    response = expert_client.post(f"/projects/applications/{app.pk}/review/", {
        "score_merit": "30", "score_team": "20", "score_plan": "25", "comment": "方案可行"})
    assert response.status_code == 302
    assert app.assignments.get(expert=expert).review.total > 0


def test_call_application_list_queries_are_bounded(projects, django_assert_max_num_queries):
    many_applications(projects)
    client = client_for(projects.officer)
    with django_assert_max_num_queries(12):
        assert client.get(f"/projects/calls/{projects.call.pk}/applications/?q=项目").status_code == 200


def test_officer_queue_queries_are_bounded(projects, django_assert_max_num_queries):
    many_applications(projects)
    client = client_for(projects.officer)
    with django_assert_max_num_queries(12):
        response = client.get("/projects/queue/")
    assert response.status_code == 200 and "项目1" in response.content.decode()


def test_call_detail_names_who_may_apply_instead_of_codes(projects):
    page = client_for(projects.applicant).get(f"/projects/calls/{projects.call.pk}/").content.decode()
    assert f"企业 · {projects.world.city.name}" in page
    assert "enterprise ·" not in page and "· 3302" not in page


def test_application_page_shows_topic_title_signs_and_separated_amounts(projects):
    app = projects.draft()
    page = client_for(projects.applicant).get(f"/projects/applications/{app.pk}/").content.decode()
    assert "智能制造" in page and "T1 ·" not in page
    assert "发明专利申请 ≥ 3 项" in page and "&gt;=" not in page
    assert "20 万元" in page and "70 万元" in page  # one convention: 万元, unit after each figure


def test_returned_application_page_says_by_when_to_resubmit(projects):
    from django.utils import timezone

    from kechuang.projects.checks import submission_deadline
    from kechuang.projects.services import applications as svc

    app = projects.draft()
    svc.application_submit(actor=projects.applicant, application=app)
    svc.formal_check_start(actor=projects.officer, application=app)
    svc.formal_check_return(actor=projects.officer, application=app, reasons="补充设备清单")
    app = Application.objects.get(pk=app.pk)
    by = timezone.localtime(submission_deadline(app)).strftime("%Y-%m-%d %H:%M")
    client = client_for(projects.applicant)
    for url in (f"/projects/applications/{app.pk}/", f"/projects/applications/{app.pk}/edit/"):
        assert f"请于 {by} 前修改并重新提交" in client.get(url).content.decode(), url


def test_timeline_names_states_and_steps_in_chinese(projects):
    from kechuang.projects.services import applications as svc

    app = projects.draft()
    svc.application_submit(actor=projects.applicant, application=app)
    svc.formal_check_start(actor=projects.officer, application=app)
    svc.formal_check_return(actor=projects.officer, application=app, reasons="补充设备清单")
    page = client_for(projects.officer).get(f"/projects/applications/{app.pk}/timeline/").content.decode()
    assert "退回修改：形式审查 → 已退回申报单位" in page
    assert "formal_check" not in page


def test_ranking_gives_reasons_in_chinese(projects):
    from kechuang.projects.services import award, review
    from tests.projects.helpers import review_all

    app = review_all(projects, to_review(projects, projects.draft()), points=(10, 10, 10))
    review.call_score(actor=projects.officer, call=app.call)
    award.awards_propose(actor=projects.officer, call=app.call)
    page = client_for(projects.officer).get(f"/projects/calls/{projects.call.pk}/ranking/").content.decode()
    assert "低于及格线 60" in page and "pass mark" not in page


def test_acceptance_shows_the_share_of_targets_met_as_a_percentage(projects):
    from kechuang.projects.services import execution
    from tests.projects.helpers import to_running

    app = to_running(projects, projects.draft())
    execution.midterm_submit(actor=projects.applicant, application=app, report="进展顺利", progress={})
    execution.midterm_record(actor=projects.officer, application=app, conclusion="通过")
    execution.acceptance_request(actor=projects.applicant, application=app, final_report="完成",
                                 achieved={"发明专利申请": "4"})
    page = client_for(projects.officer).get(f"/projects/applications/{app.pk}/").content.decode()
    assert "指标完成率：100%" in page
