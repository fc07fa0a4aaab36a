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
from kechuang.core.validation import clean_id_number
from kechuang.projects import access
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
from kechuang.projects.services.transitions import ensure_flow_role, transition

BUDGET_FIELDS = ("equipment_purchase", "equipment_other", "operations", "labour", "indirect", "self_raised")


def contract_generate(*, actor: User, application: Application) -> Contract:
    """Draft the contract from the application's KPIs, budget and dates, at the awarded amount."""

    def create(app: Application) -> None:
        Contract.objects.create(
            application=app, kpis=list(app.kpis), amount=app.awarded_amount or app.requested_total,
            budget={name: str(getattr(app, name)) for name in BUDGET_FIELDS},
            start_date=app.start_date or timezone.localdate(),
            end_date=app.end_date or timezone.localdate() + dt.timedelta(days=730))

    transition(actor=actor, application=application, code="draft_contract", before_commit=create)
    return application.contract


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

    def stamp(app: Application) -> None:
        contract.signed_by_bureau_at = timezone.now()
        contract.save(update_fields=["signed_by_bureau_at"])

    transition(actor=actor, application=application, code="sign_contract", before_commit=stamp, facts={
        "contract_kpis_set": bool(contract.kpis),
        "contract_signed_by_both": contract.signed_by_applicant_at is not None})
    return contract


def disbursement_record(*, actor: User, application: Application, amount: Decimal, paid_on: dt.date,
                        note: str = "") -> Disbursement:
    """Record a payment; the first one starts the project."""
    ensure_flow_role(actor, application, FlowRole.OFFICER, "record disbursement")
    contract = getattr(application, "contract", None)
    if contract is None or contract.signed_by_bureau_at is None:
        raise ValidationError(_("Funds are paid only under a signed contract."))
    paid = sum((d.amount for d in contract.disbursements.all()), Decimal(0))
    if amount <= 0 or paid + amount > contract.amount:
        raise ValidationError({"amount": [_("The payment must be positive and keep the total within the "
                                            "contracted %(amount)s yuan.") % {"amount": yuan(contract.amount)}]})
    with transaction.atomic():
        payment = Disbursement.objects.create(contract=contract, amount=amount, paid_on=paid_on, note=note)
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=application,
                     changes={"disbursement": [None, str(amount)]}, reason=note)
    if application.state == "contract_signed":
        transition(actor=actor, application=application, code="start", facts={"funds_disbursed": True})
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
    midterm = getattr(application, "midterm", None)

    def conclude(app: Application) -> None:
        midterm.conclusion, midterm.checked_by = conclusion, actor
        midterm.save(update_fields=["conclusion", "checked_by"])

    return transition(actor=actor, application=application, code="record_midterm_check", reason=conclusion,
                      facts={"midterm_report_submitted": midterm is not None}, before_commit=conclude)


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
    ensure_flow_role(actor, application, FlowRole.APPLICANT, "request acceptance")
    if not final_report.strip():
        raise ValidationError({"final_report": [_("Write the final report.")]})

    def record(app: Application) -> None:
        Acceptance.objects.update_or_create(application=app, defaults={
            "final_report": final_report.strip(), "achieved": achieved})

    return transition(actor=actor, application=application, code="request_acceptance",
                      facts={"final_report_submitted": True}, before_commit=record)


def acceptance_decide(*, actor: User, application: Application, passed: bool, expert_opinion: str,
                      reason: str = "") -> Application:
    acceptance = getattr(application, "acceptance", None)

    def record(app: Application) -> None:
        acceptance.expert_opinion = expert_opinion.strip()
        acceptance.save(update_fields=["expert_opinion"])

    return transition(actor=actor, application=application, code="accept" if passed else "fail_acceptance",
                      reason=reason or expert_opinion, before_commit=record,
                      facts={"acceptance_review_done": acceptance is not None and bool(expert_opinion.strip())})


def evaluation_record(*, actor: User, application: Application, score: Decimal, grade: str, note: str,
                      funds_settled: bool) -> Application:
    if grade not in PerformanceEvaluation.Grade.values or not Decimal(0) <= score <= Decimal(100):
        raise ValidationError(_("Give a grade and a score between 0 and 100."))

    def record(app: Application) -> None:
        PerformanceEvaluation.objects.update_or_create(application=app, defaults={
            "score": score, "grade": grade, "note": note, "funds_settled": funds_settled, "evaluated_by": actor})

    return transition(actor=actor, application=application, code="evaluate", reason=note,
                      facts={"performance_evaluated": True}, before_commit=record)


def project_close(*, actor: User, application: Application, reason: str = "") -> Application:
    evaluation = getattr(application, "evaluation", None)
    return transition(actor=actor, application=application, code="close", reason=reason,
                      facts={"funds_settled": bool(evaluation and evaluation.funds_settled)})
