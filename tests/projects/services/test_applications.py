"""Submission and formal check: every refusal is clear, changes nothing, and is audited."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kechuang.core.audit import audit_for
from kechuang.core.models import AuditEntry
from kechuang.projects.checks import RESUBMIT_WINDOW, problem_text, submission_deadline
from kechuang.projects.models import Application, Call, IntegrityRecord
from kechuang.projects.services import applications as svc

pytestmark = pytest.mark.django_db


def refused(p, app, **kwargs) -> list[str]:
    with pytest.raises(svc.SubmissionRefused) as caught:
        svc.application_submit(actor=p.applicant, application=app, **kwargs)
    assert Application.objects.get(pk=app.pk).state == "draft"
    # Bad input is not an access refusal: no "denied" row in the audit trail.
    assert not audit_for(app).filter(action=AuditEntry.Action.DENIED).exists()
    return [problem_text(x) for x in caught.value.report.problems]


def test_complete_draft_is_submitted_and_audited(projects):
    app = projects.draft()
    svc.application_submit(actor=projects.applicant, application=app)
    app.refresh_from_db()
    assert app.state == "submitted" and app.submitted_at is not None
    entry = audit_for(app).filter(action=AuditEntry.Action.TRANSITION).first()
    assert entry.changes["state"] == ["draft", "submitted"]
    assert projects.officer.notifications.exists()


def test_draft_saved_over_several_sittings_keeps_earlier_sections(projects):
    app = svc.application_start(actor=projects.applicant, call=projects.call)
    svc.application_save_draft(actor=projects.applicant, application=app, changes={"title": "第一次"})
    svc.application_save_draft(actor=projects.applicant, application=app, changes={"labour": Decimal(5)})
    app.refresh_from_db()
    assert (app.title, app.requested_total) == ("第一次", Decimal(5))


def test_late_submission_is_refused(projects):
    app = projects.draft()
    late = projects.call.deadline + dt.timedelta(minutes=1)
    messages = refused(projects, app, now=late)
    assert any("after the deadline" in m for m in messages)


def test_ineligible_applicant_is_refused_with_the_rule(projects):
    call = projects.make_call(region_prefixes=["3301"], required_qualifications=["hte"])
    app = projects.draft(call=call)
    messages = refused(projects, app)
    assert any("outside the call's area" in m for m in messages)
    assert any("qualification hte" in m for m in messages)


def test_over_cap_budget_is_refused(projects):
    app = projects.draft(operations=Decimal(900_000))
    messages = refused(projects, app)
    assert any("exceeds the call's cap" in m for m in messages)


def test_indirect_costs_over_the_band_are_refused(projects):
    app = projects.draft(indirect=Decimal(200_000))  # base 400k → cap 120k
    assert any("exceed the cap" in m for m in refused(projects, app))


def test_missing_attachment_and_fields_are_all_listed(projects):
    app = svc.application_start(actor=projects.applicant, call=projects.call)
    messages = refused(projects, app)
    assert any("可行性报告" in m for m in messages)
    assert any("project title" in m for m in messages)


def test_duplicate_application_is_found_with_overlapping_passages(projects):
    first = projects.draft()
    svc.application_submit(actor=projects.applicant, application=first)
    copy = projects.draft(user=projects.other_applicant)
    with pytest.raises(svc.SubmissionRefused) as caught:
        svc.application_submit(actor=projects.other_applicant, application=copy)
    duplicates = caught.value.report.duplicates
    assert [d["id"] for d in duplicates] == [first.pk]
    assert any("机器视觉" in left and "机器视觉" in right for left, right in duplicates[0]["passages"])


def test_integrity_record_of_the_leader_blocks_submission(projects):
    app = projects.draft()
    IntegrityRecord.objects.create(subject_kind="person", person_id_number=app.leader_id_number, severity=2,
                                   start=timezone.localdate() - dt.timedelta(days=30), source="市科技局通报")
    assert any("integrity record" in m for m in refused(projects, app))


def test_leader_with_too_many_open_projects_is_refused(projects):
    call = projects.make_call(max_open_projects_per_leader=1)
    running = projects.draft(title="另一个在研项目的题目完全不同")
    Application.objects.filter(pk=running.pk).update(state="in_progress")
    app = projects.draft(call=call)
    assert any("already leads 1 open projects" in m for m in refused(projects, app))


def test_another_applicant_cannot_edit_or_submit(projects):
    app = projects.draft()
    with pytest.raises(PermissionDenied):
        svc.application_save_draft(actor=projects.other_applicant, application=app, changes={"title": "x"})
    with pytest.raises(PermissionDenied):
        svc.application_submit(actor=projects.other_applicant, application=app)
    assert audit_for(app).filter(action=AuditEntry.Action.DENIED).count() == 2
    assert Application.objects.get(pk=app.pk).title != "x"


def test_formal_check_return_is_answered_and_resubmitted(projects):
    app = projects.draft()
    svc.application_submit(actor=projects.applicant, application=app)
    svc.formal_check_start(actor=projects.officer, application=app)
    with pytest.raises(ValidationError):
        svc.formal_check_return(actor=projects.officer, application=app, reasons=" ")
    svc.formal_check_return(actor=projects.officer, application=app, reasons="预算说明缺少设备清单")
    assert app.state == "returned"
    assert projects.applicant.notifications.filter(body__contains="设备清单").exists()
    svc.formal_check_answer(actor=projects.applicant, application=app, response="已补充设备清单")
    svc.application_submit(actor=projects.applicant, application=app)
    assert Application.objects.get(pk=app.pk).state == "submitted"
    assert app.formal_checks.get().response == "已补充设备清单"


def test_applicant_cannot_take_an_officer_step(projects):
    app = projects.draft()
    svc.application_submit(actor=projects.applicant, application=app)
    with pytest.raises(PermissionDenied):
        svc.formal_check_start(actor=projects.applicant, application=app)
    assert Application.objects.get(pk=app.pk).state == "submitted"
    assert audit_for(app).filter(action=AuditEntry.Action.DENIED).exists()


def _returned(p) -> Application:
    app = p.draft()
    svc.application_submit(actor=p.applicant, application=app)
    svc.formal_check_start(actor=p.officer, application=app)
    svc.formal_check_return(actor=p.officer, application=app, reasons="预算说明缺少设备清单")
    return Application.objects.get(pk=app.pk)


def _returned_and_deadline_passed(p) -> Application:
    """Returned just before the call closed: the applicant answers after the call's deadline."""
    app = _returned(p)
    Call.objects.filter(pk=p.call.pk).update(deadline=timezone.now() - dt.timedelta(hours=1))
    return Application.objects.get(pk=app.pk)


def test_returned_application_is_resubmitted_after_the_call_deadline(projects):
    app = _returned_and_deadline_passed(projects)
    assert submission_deadline(app) == app.state_changed_at + RESUBMIT_WINDOW
    svc.application_submit(actor=projects.applicant, application=app, now=timezone.now() + dt.timedelta(days=2))
    assert Application.objects.get(pk=app.pk).state == "submitted"


def test_returned_application_is_refused_once_the_resubmission_window_closes(projects):
    app = _returned_and_deadline_passed(projects)
    too_late = app.state_changed_at + RESUBMIT_WINDOW + dt.timedelta(minutes=1)
    with pytest.raises(svc.SubmissionRefused) as caught:
        svc.application_submit(actor=projects.applicant, application=app, now=too_late)
    assert Application.objects.get(pk=app.pk).state == "returned"
    assert [p["code"] for p in caught.value.report.problems] == ["after_deadline"]


def test_late_submission_names_local_times_to_the_minute(projects):
    app = projects.draft()
    late = projects.call.deadline + dt.timedelta(minutes=1)
    [message] = [m for m in refused(projects, app, now=late) if "deadline" in m]
    local = timezone.localtime(projects.call.deadline)
    assert local.strftime("%Y-%m-%d %H:%M") in message
    assert "+00:00" not in message and "T" not in message.split("deadline")[1]


def test_a_leader_id_number_with_a_wrong_check_digit_is_refused_and_nothing_is_saved(projects):
    app = projects.draft(title="身份证号校验")
    good = app.leader_id_number
    bad = good[:-1] + ("1" if good[-1] != "1" else "2")
    with pytest.raises(ValidationError) as caught:
        svc.application_save_draft(actor=projects.applicant, application=app,
                               changes={"title": "改了标题", "leader_id_number": bad})
    assert "leader_id_number" in caught.value.message_dict
    app.refresh_from_db()
    assert (app.title, app.leader_id_number) == ("身份证号校验", good)


def test_a_team_member_id_number_is_checked_and_the_row_named(projects):
    app = projects.draft()
    with pytest.raises(ValidationError) as caught:
        svc.application_save_draft(actor=projects.applicant, application=app,
                               changes={"team": [{"name": "张三", "role": "骨干", "id_number": "123"}]})
    assert "张三" in caught.value.message_dict["team"][0]
