"""From contract to close, with acceptance judged against the contracted targets."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kechuang.core.audit import audit_for
from kechuang.core.models import AuditEntry
from kechuang.projects.models import Application
from kechuang.projects.services import execution
from tests.projects.helpers import to_running

pytestmark = pytest.mark.django_db


def test_project_runs_from_contract_to_close(projects):
    app = to_running(projects, projects.draft())
    assert app.state == "in_progress"
    assert app.contract.kpis == app.kpis and app.contract.amount == app.awarded_amount
    execution.change_request_submit(actor=projects.applicant, application=app, kind="extension", detail="设备延期到货",
                                    new_end_date=dt.date(2028, 12, 31))
    execution.change_request_decide(actor=projects.officer, request=app.change_requests.get(), approve=True,
                                    note="同意")
    execution.midterm_submit(actor=projects.applicant, application=app, report="进展顺利", progress={})
    execution.midterm_record(actor=projects.officer, application=app, conclusion="通过")
    execution.acceptance_request(actor=projects.applicant, application=app, final_report="完成",
                                 achieved={"发明专利申请": "4"})
    execution.acceptance_decide(actor=projects.officer, application=app, passed=True, expert_opinion="达到要求")
    execution.evaluation_record(actor=projects.officer, application=app, score=90, grade="excellent", note="",
                                funds_settled=True)
    execution.project_close(actor=projects.officer, application=app)
    app = Application.objects.get(pk=app.pk)
    assert app.state == "closed"
    assert app.contract.end_date == dt.date(2028, 12, 31)
    states = [e.changes["state"][1] for e in audit_for(app).filter(action=AuditEntry.Action.TRANSITION)
              .order_by("at", "id")]
    assert states[0] == "submitted" and states[-1] == "closed" and "accepted" in states


def test_bureau_cannot_sign_before_the_applicant(projects):
    from tests.projects.helpers import to_award

    app = to_award(projects, projects.draft())
    execution.contract_generate(actor=projects.officer, application=app)
    with pytest.raises(ValidationError):
        execution.contract_sign(actor=projects.officer, application=Application.objects.get(pk=app.pk))
    assert Application.objects.get(pk=app.pk).state == "contract_drafted"


def test_payment_cannot_exceed_the_contract(projects):
    app = to_running(projects, projects.draft())
    with pytest.raises(ValidationError):
        execution.disbursement_record(actor=projects.officer, application=app, amount=app.contract.amount,
                                      paid_on=dt.date(2026, 9, 1))
