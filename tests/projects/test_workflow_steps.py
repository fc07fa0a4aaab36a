"""Application steps through the one core helper: one audit row per step, audited refusals, buttons and
"why not" hints drawn from the engine's answer."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from kechuang.core.audit import audit_for
from kechuang.core.models import AuditEntry
from kechuang.core.transitions import TransitionRefused, transition_perform, workflow_actions
from kechuang.projects.models import Application
from kechuang.projects.services import applications as svc
from tests.projects.helpers import to_review

pytestmark = pytest.mark.django_db


def in_formal_check(projects) -> Application:
    app = projects.draft()
    svc.application_submit(actor=projects.applicant, application=app)
    svc.formal_check_start(actor=projects.officer, application=app)
    return Application.objects.get(pk=app.pk)


def test_a_step_writes_one_audit_row_with_from_to_step_and_why(projects):
    app = in_formal_check(projects)
    before = audit_for(app).count()
    transition_perform(actor=projects.officer, obj=app, workflow="application", step="return_for_revision",
                       reason="预算说明缺少设备清单")
    rows = list(audit_for(app)[: audit_for(app).count() - before])
    assert len(rows) == 1
    assert rows[0].changes == {"state": ["formal_check", "returned"], "step": [None, "return_for_revision"]}
    assert rows[0].reason == "预算说明缺少设备清单" and rows[0].action == AuditEntry.Action.TRANSITION
    assert app.formal_checks.get().reasons == "预算说明缺少设备清单"  # the step's declared effect ran


def test_a_role_refusal_and_a_missing_reason_are_both_audited(projects):
    app = in_formal_check(projects)
    with pytest.raises(PermissionDenied):
        transition_perform(actor=projects.applicant, obj=app, workflow="application", step="pass_formal_check")
    with pytest.raises(TransitionRefused) as caught:
        transition_perform(actor=projects.officer, obj=app, workflow="application", step="reject", reason=" ")
    assert caught.value.messages == ["Give a reason for this step."]
    denied = audit_for(app).filter(action=AuditEntry.Action.DENIED)
    assert [d.reason.split(":")[0] for d in denied] == ["application.reject", "application.pass_formal_check"]
    assert Application.objects.get(pk=app.pk).state == "formal_check"


def test_an_unmet_precondition_is_evaluated_by_the_engine_not_passed_in(projects):
    app = to_review(projects, projects.draft())  # no expert has reviewed yet
    [close] = [a for a in workflow_actions(projects.officer, app, "application") if a.code == "complete_review"]
    assert not close.allowed and close.why_not == ["not every assigned expert has submitted a review"]
    with pytest.raises(TransitionRefused):
        transition_perform(actor=projects.officer, obj=app, workflow="application", step="complete_review")
    assert audit_for(app).filter(action=AuditEntry.Action.DENIED, reason__contains="complete_review").exists()


def test_a_stale_page_cannot_take_a_step_twice(projects):
    app = in_formal_check(projects)
    stale = Application.objects.get(pk=app.pk)
    svc.formal_check_pass(actor=projects.officer, application=app)
    with pytest.raises(TransitionRefused):
        transition_perform(actor=projects.officer, obj=stale, workflow="application", step="reject", reason="迟了")
    assert Application.objects.get(pk=app.pk).state == "expert_review"


def test_the_page_draws_the_steps_and_takes_them_through_one_route(projects):
    app = in_formal_check(projects)
    client = Client()
    client.force_login(projects.officer)
    with_chinese = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
    page = client.get(f"/projects/applications/{app.pk}/", **with_chinese).content.decode()
    assert f"/projects/applications/{app.pk}/step/pass_formal_check/" in page and "形式审查通过" in page
    client.post(f"/projects/applications/{app.pk}/step/return_for_revision/", {"reason": ""})
    assert Application.objects.get(pk=app.pk).state == "formal_check"
    client.post(f"/projects/applications/{app.pk}/step/return_for_revision/", {"reason": "补充设备清单"})
    assert Application.objects.get(pk=app.pk).state == "returned"
