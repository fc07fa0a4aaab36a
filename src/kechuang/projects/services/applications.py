"""From call to formal check: programmes and calls, drafts over several sittings, submission with its
checks, recommendation, formal check and the applicant's answer."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kechuang.core import search_index
from kechuang.core.attachments import attachment_add
from kechuang.core.audit import audit_record, diff, snapshot
from kechuang.core.models import AuditEntry, Organisation, User
from kechuang.core.roles import Role
from kechuang.core.transitions import transition_perform
from kechuang.core.validation import clean_id_number
from kechuang.i18n import gettext_noop
from kechuang.projects import access
from kechuang.projects.access import ensure_flow_role
from kechuang.projects.checks import CheckReport, problem_text, submission_report
from kechuang.projects.domain.workflow import Role as FlowRole
from kechuang.projects.models import Application, ApplicationDocument, Call, FormalCheck, Programme, Recommendation

DRAFT_FIELDS = (
    "topic", "field", "title", "summary", "objectives", "leader_name", "leader_id_number", "kpis", "team",
    "schedule", "start_date", "end_date", "equipment_purchase", "equipment_other", "operations", "labour",
    "indirect", "self_raised",
)
EDITABLE_STATES = ("draft", "returned")
COMPARATORS = (">=", ">", "=", "<=", "<")


class SubmissionRefused(ValidationError):
    """Submission refused by the checks; carries the full report so the page can show every problem."""

    def __init__(self, report: CheckReport) -> None:
        super().__init__([problem_text(p) for p in report.problems])
        self.report = report


def _officer_only(actor: User, obj: Any, what: str) -> None:
    if not access.is_officer(actor):
        raise access.refuse(actor, obj, what, "Only programme officers may do this.")


@transaction.atomic
def programme_create(*, actor: User, name: str, category: str, department: Organisation, officer: User) -> Programme:
    if not access.is_officer(actor):
        raise PermissionDenied(_("Only programme officers may do this."))
    programme = Programme.objects.create(name=name, category=category, department=department, officer=officer)
    audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=programme, changes={"name": [None, name]})
    return programme


@dataclass
class CallInput:
    title: str
    year: int
    opens_at: Any
    deadline: Any
    total_budget: Decimal
    per_project_cap: Decimal | None = None
    topics: list[dict[str, str]] | None = None
    organisation_types: list[str] | None = None
    region_prefixes: list[str] | None = None
    required_qualifications: list[str] | None = None
    co_funding_ratio: Decimal = Decimal(0)
    max_open_projects_per_leader: int | None = None
    requires_recommendation: bool = False
    required_attachments: list[str] | None = None
    rubric: list[dict[str, Any]] | None = None
    blind: bool = True
    experts_per_application: int = 3
    review_deadline: Any = None
    status: str = Call.Status.OPEN


def call_create(*, actor: User, programme: Programme, data: CallInput) -> Call:
    _officer_only(actor, programme, "create call")
    if data.deadline <= data.opens_at:
        raise ValidationError({"deadline": [_("The deadline must come after the opening date.")]})
    rubric = data.rubric or []
    if any(int(c.get("max", 0)) <= 0 for c in rubric):
        raise ValidationError({"rubric": [_("Every rubric criterion needs a positive maximum score.")]})
    values = {k: (v if v is not None else []) for k, v in data.__dict__.items()}
    values["per_project_cap"] = data.per_project_cap
    values["max_open_projects_per_leader"] = data.max_open_projects_per_leader
    values["review_deadline"] = data.review_deadline
    with transaction.atomic():
        call = Call.objects.create(programme=programme, **values)
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=call, changes={"title": [None, call.title]})
    return call


def call_set_status(*, actor: User, call: Call, status: str, reason: str = "") -> Call:
    """Move a call to another phase of its cycle (draft → open → review → decided → execution → closed)."""
    _officer_only(actor, call, "change call status")
    if status not in Call.Status.values:
        raise ValidationError(_("Unknown call status %(status)s.") % {"status": status})
    with transaction.atomic():
        before = call.status
        call.status = status
        call.save(update_fields=["status"])
        audit_record(actor=actor, action=AuditEntry.Action.TRANSITION, obj=call,
                     changes={"status": [before, status]}, reason=reason)
    return call


def application_start(*, actor: User, call: Call) -> Application:
    """Open a draft for the actor's organisation; applicants come back to it over several sittings."""
    if Role.ENTERPRISE_USER not in access.roles_of(actor) or actor.organisation_id is None:
        raise access.refuse(actor, call, "start application",
                            gettext_noop("Only enterprise and university users may apply."))
    if call.status != Call.Status.OPEN:
        raise ValidationError(_("This call is not open for applications."))
    with transaction.atomic():
        app = Application.objects.create(call=call, organisation_id=actor.organisation_id, created_by=actor,
                                         topic=(call.topics[0]["code"] if len(call.topics) == 1 else ""))
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=app, changes={"call": [None, call.pk]})
        search_index.index_object(app)
    return app


def _clean_kpis(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    cleaned = []
    for i, row in enumerate(rows, start=1):
        indicator = str(row.get("indicator", "")).strip()
        if not indicator:
            continue
        comparator = str(row.get("comparator", ">=")).strip() or ">="
        try:
            value = Decimal(str(row.get("value", "")).strip())
        except ArithmeticError:
            raise ValidationError({"kpis": [_("Target %(n)s: the value must be a number.") % {"n": i}]}) from None
        if comparator not in COMPARATORS:
            raise ValidationError({"kpis": [_("Target %(n)s: unknown comparator %(c)s.") % {"n": i, "c": comparator}]})
        cleaned.append({"indicator": indicator, "comparator": comparator, "value": str(value),
                        "unit": str(row.get("unit", "")).strip()})
    return cleaned


def _clean_team(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Team members' ID numbers are checked, since conflict checks match experts on them."""
    return [{**row, "id_number": clean_id_number(
        str(row.get("id_number", "")), field="team",
        where=_("Team member %(n)s (%(name)s)") % {"n": n, "name": row.get("name", "")})}
        for n, row in enumerate(rows, start=1)]


def application_save_draft(*, actor: User, application: Application, changes: dict[str, Any],
                           cooperator_ids: list[int] | None = None) -> Application:
    """Save part of the form; nothing is checked for completeness until submission."""
    ensure_flow_role(actor, application, FlowRole.APPLICANT, "edit application")
    if application.state not in EDITABLE_STATES:
        raise ValidationError(_("Only a draft or a returned application can be edited."))
    unknown = set(changes) - set(DRAFT_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    if "kpis" in changes:
        changes = {**changes, "kpis": _clean_kpis(changes["kpis"])}
    if "leader_id_number" in changes:
        changes = {**changes, "leader_id_number": clean_id_number(changes["leader_id_number"] or "",
                                                                  field="leader_id_number")}
    if "team" in changes:
        changes = {**changes, "team": _clean_team(changes["team"] or [])}
    for name in ("equipment_purchase", "equipment_other", "operations", "labour", "indirect", "self_raised"):
        if name in changes and changes[name] is not None and Decimal(changes[name]) < 0:
            raise ValidationError({name: [_("Amounts must not be negative.")]})
    with transaction.atomic():
        before = snapshot(application, DRAFT_FIELDS)
        for name, value in changes.items():
            setattr(application, name, value if value is not None else getattr(application, name))
        application.requested_total = application.direct_total + application.indirect
        application.save()
        changed = diff(before, snapshot(application, DRAFT_FIELDS))
        if cooperator_ids is not None:
            old = sorted(application.cooperators.values_list("pk", flat=True))
            application.cooperators.set(Organisation.objects.filter(pk__in=cooperator_ids))
            if old != sorted(cooperator_ids):
                changed["cooperators"] = [old, sorted(cooperator_ids)]
        if changed:
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=application, changes=changed)
            search_index.index_object(application)
    return application


def document_add(*, actor: User, application: Application, kind: str, upload: UploadedFile) -> ApplicationDocument:
    ensure_flow_role(actor, application, FlowRole.APPLICANT, "attach document")
    if application.state not in EDITABLE_STATES:
        raise ValidationError(_("Only a draft or a returned application can be edited."))
    with transaction.atomic():
        attachment = attachment_add(actor=actor, owner=application, upload=upload)
        return ApplicationDocument.objects.create(application=application, kind=kind.strip()[:100],
                                                  attachment=attachment)


def _step(actor: User, application: Application, code: str, reason: str = "", **ctx: Any) -> Application:
    return transition_perform(actor=actor, obj=application, workflow="application", step=code, reason=reason,
                              ctx=ctx)


def application_submit(*, actor: User, application: Application, now=None) -> Application:
    """Submit (or resubmit after a return) once every check passes.

    The checks run first so a refusal carries the full report (every problem with its section, shown on
    the submission page); the engine then re-reads the same report through its preconditions.
    """
    code = "submit" if application.state == "draft" else "resubmit"
    ensure_flow_role(actor, application, FlowRole.APPLICANT, code)
    report = submission_report(application, now)
    if not report.ok:  # bad input, shown to the applicant in full; not an access refusal, so no denied row
        raise SubmissionRefused(report)
    return _step(actor, application, code, report=report, now=now)


def submission_stamp(*, actor: User, obj: Application, reason: str, data: dict, ctx: dict) -> None:
    """Effect of ``submit`` and ``resubmit``: the time and the checks' report are kept with the application."""
    obj.submitted_at = ctx.get("now") or timezone.now()
    obj.check_report = ctx["report"].as_json() if "report" in ctx else submission_report(obj).as_json()


def application_recommend(*, actor: User, application: Application, note: str) -> Application:
    """The district bureau endorses the application."""
    return _step(actor, application, "recommend", note)


def recommendation_record(*, actor: User, obj: Application, reason: str, data: dict, ctx: dict) -> None:
    Recommendation.objects.update_or_create(application=obj, defaults={
        "organisation_id": actor.organisation_id, "by": actor, "note": reason})


def formal_check_start(*, actor: User, application: Application) -> Application:
    return _step(actor, application, "start_formal_check")


def formal_check_pass(*, actor: User, application: Application, note: str = "") -> Application:
    return _step(actor, application, "pass_formal_check", note)


def formal_check_passed(*, actor: User, obj: Application, reason: str, data: dict, ctx: dict) -> None:
    FormalCheck.objects.create(application=obj, officer=actor, passed=True, reasons=reason)


def formal_check_return(*, actor: User, application: Application, reasons: str) -> Application:
    """Return for revision: the applicant sees the reasons and answers them when it resubmits."""
    return _step(actor, application, "return_for_revision", reasons)


def formal_check_returned(*, actor: User, obj: Application, reason: str, data: dict, ctx: dict) -> None:
    FormalCheck.objects.create(application=obj, officer=actor, passed=False, reasons=reason)


def formal_check_answer(*, actor: User, application: Application, response: str) -> FormalCheck:
    ensure_flow_role(actor, application, FlowRole.APPLICANT, "answer formal check")
    check = application.formal_checks.filter(passed=False).first()
    if check is None or application.state != "returned":
        raise ValidationError(_("There is no returned formal check to answer."))
    if not response.strip():
        raise ValidationError({"response": [_("Write your answer to the officer's reasons.")]})
    with transaction.atomic():
        check.response = response.strip()
        check.save(update_fields=["response"])
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=application,
                     changes={"formal_check_answer": [None, check.response[:200]]})
    return check


def application_reject(*, actor: User, application: Application, reason: str) -> Application:
    return _step(actor, application, "reject", reason)


def application_withdraw(*, actor: User, application: Application, reason: str = "") -> Application:
    return _step(actor, application, "withdraw", reason)

