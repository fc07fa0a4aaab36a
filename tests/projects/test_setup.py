"""The officer's set-up pages: programmes, calls with topics and rubric, experts, integrity records —
through the pages, with formsets, refusals audited and bad input answered on the field."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from kechuang.core.idnumber import make_id_number
from kechuang.core.models import AuditEntry
from kechuang.projects.models import Call, ExpertProfile, IntegrityRecord, Programme

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def management(prefix: str, rows: list[dict[str, object]]) -> dict[str, object]:
    data: dict[str, object] = {f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": 0}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{k}": v for k, v in row.items()})
    return data


def call_post(**changes) -> dict[str, object]:
    data = {"title": "2027年度智能制造专项", "year": 2027, "opens_at": "2027-03-01T09:00",
            "deadline": "2027-04-30T17:00", "total_budget": "500", "per_project_cap": "100",
            "co_funding_ratio": "1", "experts_per_application": 3, "blind": "on",
            **management("topics", [{"code": "T1", "title": "工业软件", "budget": "300"},
                                    {"code": "T2", "title": "智能装备", "budget": ""}]),
            **management("rubric", [{"code": "innovation", "label": "创新性", "max": 40},
                                    {"code": "feasibility", "label": "可行性", "max": 60}]),
            **management("attachments", [{"name": "可行性报告"}])}
    data.update(changes)
    return data


def test_officer_creates_a_programme_and_a_call_with_topics_and_rubric(projects):
    client = client_for(projects.officer)
    assert "计划与指南" in client.get("/projects/programmes/").content.decode()
    response = client.post("/projects/programmes/new/", {
        "name": "新建的重点研发计划", "category": "重点研发", "department": projects.world.department.pk,
        "officer": projects.officer.pk})
    programme = Programme.objects.get(name="新建的重点研发计划")
    assert response.status_code == 302
    response = client.post(f"/projects/programmes/{programme.pk}/calls/new/", call_post())
    call = Call.objects.get(title="2027年度智能制造专项")
    assert response.status_code == 302 and call.status == Call.Status.DRAFT
    assert call.total_budget == 5_000_000 and call.per_project_cap == 1_000_000
    assert [t["title"] for t in call.topics] == ["工业软件", "智能装备"] and call.topics[0]["budget"] == "3000000"
    assert call.rubric == [{"code": "innovation", "label": "创新性", "max": 40},
                           {"code": "feasibility", "label": "可行性", "max": 60}]
    assert call.required_attachments == ["可行性报告"]
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CREATE, object_id=str(call.pk)).exists()
    page = client.get(f"/projects/calls/{call.pk}/edit/").content.decode()
    assert 'value="创新性"' in page and 'value="500"' in page


def test_a_repeated_rubric_code_is_refused_on_the_list_and_nothing_is_stored(projects):
    client = client_for(projects.officer)
    data = call_post(**management("rubric", [{"code": "a", "label": "创新性", "max": 40},
                                             {"code": "a", "label": "可行性", "max": 60}]))
    response = client.post(f"/projects/programmes/{projects.programme.pk}/calls/new/", data)
    assert response.status_code == 400
    assert "编号 a 重复" in response.content.decode()
    assert not Call.objects.filter(title="2027年度智能制造专项").exists()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.DENIED).exists()


def test_officer_adds_an_expert_with_a_conflict_declaration(projects):
    client = client_for(projects.officer)
    number = make_id_number("330203", dt.date(1975, 5, 4), 7)
    data = {"display_name": "张教授", "employer": projects.university.pk, "id_number": number, "available": "on",
            "max_load": 10, "username": "zhang-prof", "password": "Kc!review-7Qp",
            **management("fields", [{"code": "52010"}]),
            **management("conflicts", [{"organisation": projects.applicant.organisation_id}]),
            **management("collaborations", [{"organisation": projects.world.elsewhere.pk, "year": 2025}])}
    response = client.post("/projects/experts/new/", data)
    assert response.status_code == 302
    profile = ExpertProfile.objects.get(user__username="zhang-prof")
    assert profile.id_number == number and profile.fields == ["52010"]
    assert list(profile.declared_conflicts.values_list("pk", flat=True)) == [projects.applicant.organisation_id]
    assert profile.user.organisation == projects.university and profile.user.check_password("Kc!review-7Qp")
    assert "张教授" in client.get("/projects/experts/").content.decode()


def test_an_expert_id_number_with_a_wrong_check_digit_is_refused_on_the_field(projects):
    client = client_for(projects.officer)
    number = make_id_number("330203", dt.date(1975, 5, 4), 7)
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    data = {"display_name": "张教授", "employer": projects.university.pk, "id_number": wrong, "max_load": 10,
            "username": "zhang-prof", "password": "Kc!review-7Qp", **management("fields", [{"code": "52010"}]),
            **management("conflicts", []), **management("collaborations", [])}
    response = client.post("/projects/experts/new/", data)
    assert response.status_code == 400 and "校验码不对" in response.content.decode()
    assert not ExpertProfile.objects.filter(user__username="zhang-prof").exists()


def test_officer_records_an_integrity_record_against_a_person(projects):
    client = client_for(projects.officer)
    number = make_id_number("330203", dt.date(1980, 1, 1), 3)
    response = client.post("/projects/integrity/new/", {
        "subject_kind": "person", "person_name": "赵某", "person_id_number": number[:-1] + "x"
        if number.endswith("X") else number, "severity": 2, "start": "2026-01-01", "source": "甬科诚〔2026〕1号"})
    assert response.status_code == 302
    assert IntegrityRecord.objects.get(person_name="赵某").person_id_number == number


@pytest.mark.parametrize("url", ["/projects/programmes/", "/projects/experts/new/", "/projects/integrity/"])
def test_applicants_are_refused_and_the_refusal_is_audited(projects, url):
    response = client_for(projects.applicant).get(url)
    assert response.status_code == 403
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DENIED, actor=projects.applicant).exists()
