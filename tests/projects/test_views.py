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
