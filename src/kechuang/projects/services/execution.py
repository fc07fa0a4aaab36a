"""From award to close: the contract (任务书) generated from the application, signatures,
disbursements, the mid-term check, change requests, acceptance against the contracted KPIs,
performance evaluation and closing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kechuang.core.audit import audit_record
from kechuang.core.models import AuditEntry, User
from kechuang.core.transitions import transition_perform
from kechuang.core.validation import clean_id_number
from kechuang.projects import access
from kechuang.projects.access import ensure_flow_role
from kechuang.projects.domain.workflow import APPLICATION_LIFECYCLE
from kechuang.projects.domain.workflow import Role as FlowRole
from kechuang.projects.formatting import yuan
from kechuang.projects.models import (
    Acceptance,
    Application,
    ChangeRequest,
    Contract,
    Disbursement,
    MidtermCheck,
    PerformanceEvaluation,
)

BUDGET_FIELDS = ("equipment_purchase", "equipment_other", "operations", "labour", "indirect", "self_raised")


def _step(actor: User, application: Application, code: str, reason: str = "", data: dict | None = None,
          ) -> Application:
    return transition_perform(actor=actor, obj=application, workflow="application", step=code, reason=reason,
                              data=data)


def contract_generate(*, actor: User, application: Application) -> Contract:
    _step(actor, application, "draft_contract")
    return application.contract


def contract_create(*, actor: User, obj: Application, reason: str, data: dict, ctx: dict) -> None:
    """Effect of ``draft_contract``: the contract from the application's KPIs, budget and dates, at the
    awarded amount."""
    Contract.objects.create(
        application=obj, kpis=list(obj.kpis), amount=obj.awarded_amount or obj.requested_total,
        budget={name: str(getattr(obj, name)) for name in BUDGET_FIELDS},
        start_date=obj.start_date or timezone.localdate(),
        end_date=obj.end_date or timezone.localdate() + dt.timedelta(days=730))


def contract_sign(*, actor: User, application: Application) -> Contract:
    """The applicant signs first; the bureau's signature then puts the contract in force."""
    contract = application.contract
    if application.state != "contract_drafted":
        raise ValidationError(_("The contract is not awaiting signature."))
    if access.is_applicant_of(actor, application):
        with transaction.atomic():
            contract.signed_by_applicant_at = timezone.now()
            contract.save(update_fields=["signed_by_applicant_at"])
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=application,
                         changes={"contract_signed_by_applicant": [None, True]})
        return contract

    _step(actor, application, "sign_contract")
    contract.refresh_from_db()
    return contract


def contract_countersign(*, actor: User, obj: Application, reason: str, data: dict, ctx: dict) -> None:
    """Effect of ``sign_contract``: the bureau's signature puts the contract in force."""
    obj.contract.signed_by_bureau_at = timezone.now()
    obj.contract.save(update_fields=["signed_by_bureau_at"])


def disbursement_record(*, actor: User, application: Application, amount: Decimal, paid_on: dt.date,
                        note: str = "") -> Disbursement:
    """Record a payment; the first one is the step ``start`` that starts the project."""
    ensure_flow_role(actor, application, FlowRole.OFFICER, "record disbursement")
    data = {"amount": amount, "paid_on": paid_on, "note": note}
    if APPLICATION_LIFECYCLE.transition(application.state, "start") is not None:
        _step(actor, application, "start", data=data)
        return application.contract.disbursements.latest("pk")
    with transaction.atomic():
        return _pay(actor, application, data)


def first_disbursement(*, actor: User, obj: Application, reason: str, data: dict, ctx: dict) -> None:
    """Effect of ``start``: the first payment under the signed contract."""
    _pay(actor, obj, data)


def _pay(actor: User, application: Application, data: dict) -> Disbursement:
    contract = getattr(application, "contract", None)
    if contract is None or contract.signed_by_bureau_at is None:
        raise ValidationError(_("Funds are paid only under a signed contract."))
    amount = data["amount"]
    paid = sum((d.amount for d in contract.disbursements.all()), Decimal(0))
    if amount <= 0 or paid + amount > contract.amount:
        raise ValidationError({"amount": [_("The payment must be positive and keep the total within the "
                                            "contracted %(amount)s yuan.") % {"amount": yuan(contract.amount)}]})
    payment = Disbursement.objects.create(contract=contract, amount=amount, paid_on=data["paid_on"],
                                          note=data.get("note", ""))
    audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=application,
                 changes={"disbursement": [None, str(amount)]}, reason=data.get("note", ""))
    return payment


def midterm_submit(*, actor: User, application: Application, report: str, progress: dict[str, str]) -> MidtermCheck:
    ensure_flow_role(actor, application, FlowRole.APPLICANT, "submit mid-term report")
    if application.state != "in_progress":
        raise ValidationError(_("A mid-term report is due only while the project is in progress."))
    if not report.strip():
        raise ValidationError({"report": [_("Write the progress report.")]})
    with transaction.atomic():
        check, _created = MidtermCheck.objects.update_or_create(
            application=application, defaults={"report": report.strip(), "progress": progress})
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=application,
                     changes={"midterm_report": [None, report[:200]]})
    return check


def midterm_record(*, actor: User, application: Application, conclusion: str) -> Application:
    return _step(actor, application, "record_midterm_check", conclusion)


def midterm_conclude(*, actor: User, obj: Application, reason: str, data: dict, ctx: dict) -> None:
    """Effect of ``record_midterm_check``: the officer's conclusion is kept with the mid-term report."""
    obj.midterm.conclusion, obj.midterm.checked_by = reason, actor
    obj.midterm.save(update_fields=["conclusion", "checked_by"])


def change_request_submit(*, actor: User, application: Application, kind: str, detail: str,
                          new_end_date: dt.date | None = None, new_leader_name: str = "",
                          new_leader_id_number: str = "") -> ChangeRequest:
    ensure_flow_role(actor, application, FlowRole.APPLICANT, "request change")
    if not hasattr(application, "contract"):
        raise ValidationError(_("Changes are requested on a contracted project."))
    if kind == ChangeRequest.Kind.EXTENSION and (new_end_date is None or new_end_date <= application.contract.end_date):
        raise ValidationError({"new_end_date": [_("An extension needs a new end date after the current one.")]})
    if kind == ChangeRequest.Kind.LEADER and not (new_leader_name.strip() and new_leader_id_number.strip()):
        raise ValidationError({"new_leader_name": [_("Name the new leader and give the ID number.")]})
    if not detail.strip():
        raise ValidationError({"detail": [_("Say what changes and why.")]})
    new_leader_id_number = clean_id_number(new_leader_id_number, field="new_leader_id_number")
    with transaction.atomic():
        request = ChangeRequest.objects.create(
            application=application, kind=kind, detail=detail.strip(), new_end_date=new_end_date,
            new_leader_name=new_leader_name.strip(), new_leader_id_number=new_leader_id_number.strip(),
            requested_by=actor)
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=application,
                     changes={"change_request": [None, kind]}, reason=detail)
    return request


def change_request_decide(*, actor: User, request: ChangeRequest, approve: bool, note: str) -> ChangeRequest:
    """Approve (and apply) or refuse a change request; the decision is kept with its reason."""
    application = request.application
    ensure_flow_role(actor, application, FlowRole.OFFICER, "decide change request")
    if request.status != ChangeRequest.Status.PENDING:
        raise ValidationError(_("This request has already been decided."))
    if not note.strip():
        raise ValidationError({"note": [_("Give the reason for the decision.")]})
    with transaction.atomic():
        request.status = ChangeRequest.Status.APPROVED if approve else ChangeRequest.Status.REFUSED
        request.decided_by, request.decision_note = actor, note.strip()
        request.save()
        changes: dict[str, list] = {"change_request": [ChangeRequest.Status.PENDING, request.status]}
        if approve and request.kind == ChangeRequest.Kind.EXTENSION:
            contract = application.contract
            changes["end_date"] = [contract.end_date.isoformat(), request.new_end_date.isoformat()]
            contract.end_date = request.new_end_date
            contract.save(update_fields=["end_date"])
        if approve and request.kind == ChangeRequest.Kind.LEADER:
            changes["leader_name"] = [application.leader_name, request.new_leader_name]
            application.leader_name = request.new_leader_name
            application.leader_id_number = request.new_leader_id_number
            application.save(update_fields=["leader_name", "leader_id_number"])
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=application, changes=changes, reason=note)
    return request


def acceptance_request(*, actor: User, application: Application, final_report: str,
                       achieved: dict[str, str]) -> Application:
    """The applicant reports achieved values per contracted KPI with its final report."""
    return _step(actor, application, "request_acceptance", data={"final_report": final_report,
                                                                 "achieved": achieved})


def acceptance_file(*, actor: User, obj: Application, reason: str, data: dict, ctx: dict) -> None:
    """Effect of ``request_acceptance``: the final report and the achieved value of each contracted KPI."""
    if not data.get("final_report", "").strip():
        raise ValidationError({"final_report": [_("Write the final report.")]})
    Acceptance.objects.update_or_create(application=obj, defaults={
        "final_report": data["final_report"].strip(), "achieved": data.get("achieved", {})})


def acceptance_decide(*, actor: User, application: Application, passed: bool, expert_opinion: str,
                      reason: str = "") -> Application:
    return _step(actor, application, "accept" if passed else "fail_acceptance", reason or expert_opinion,
                 data={"expert_opinion": expert_opinion})


def acceptance_opinion(*, actor: User, obj: Application, reason: str, data: dict, ctx: dict) -> None:
    """Effect of ``accept`` and ``fail_acceptance``: the acceptance panel's opinion is kept."""
    opinion = data.get("expert_opinion", "").strip()
    acceptance = getattr(obj, "acceptance", None)
    if acceptance is None or not opinion:
        raise ValidationError({"expert_opinion": [_("Give the acceptance panel's opinion.")]})
    acceptance.expert_opinion = opinion
    acceptance.save(update_fields=["expert_opinion"])


def evaluation_record(*, actor: User, application: Application, score: Decimal, grade: str, note: str,
                      funds_settled: bool) -> Application:
    return _step(actor, application, "evaluate", note, data={"score": score, "grade": grade, "note": note,
                                                             "funds_settled": funds_settled})


def evaluation_store(*, actor: User, obj: Application, reason: str, data: dict, ctx: dict) -> None:
    """Effect of ``evaluate``: the performance evaluation, with whether the accounts are settled."""
    score, grade = data.get("score"), data.get("grade")
    if grade not in PerformanceEvaluation.Grade.values or score is None or not Decimal(0) <= score <= Decimal(100):
        raise ValidationError(_("Give a grade and a score between 0 and 100."))
    PerformanceEvaluation.objects.update_or_create(application=obj, defaults={
        "score": score, "grade": grade, "note": data.get("note", ""),
        "funds_settled": bool(data.get("funds_settled")), "evaluated_by": actor})


def project_close(*, actor: User, application: Application, reason: str = "") -> Application:
    return _step(actor, application, "close", reason)
