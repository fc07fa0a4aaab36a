"""Submission checks: the call's rules, the registry and the domain rules applied to one application.

Every check reports a problem as ``{section, code, template, params}`` with an English template from the
domain (or this module) so the page shows it in the reader's language; nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone

from kechuang.i18n import gettext_noop
from kechuang.projects.domain.budget import Budget, BudgetRules, check_budget
from kechuang.projects.domain.duplicates import DuplicateIndex
from kechuang.projects.domain.eligibility import (
    ApplicantSnapshot,
    CallRules,
    Severity,
    active_integrity_records,
    check_eligibility,
)
from kechuang.projects.domain.eligibility import (
    IntegrityRecord as RecordFacts,
)
from kechuang.projects.domain.violations import Violation
from kechuang.projects.formatting import translated
from kechuang.projects.models import STATE_CHOICES, Application, IntegrityRecord, Qualification

# States in which an application is a running project that counts against its leader's limit.
OPEN_PROJECT_STATES = ("awarded", "contract_drafted", "contract_signed", "in_progress", "midterm_checked",
                       "acceptance_requested")
# States whose text other applications are compared against (drafts and withdrawals are not filed).
FILED_STATES_EXCLUDED = ("draft", "withdrawn")
DUPLICATE_THRESHOLD = 0.8
# How long an applicant has to answer a return when the call's deadline is near or past.
RESUBMIT_WINDOW = dt.timedelta(days=10)

REQUIRED_FIELDS = {
    "title": gettext_noop("Enter the project title."),
    "summary": gettext_noop("Write the summary."),
    "objectives": gettext_noop("State the objectives."),
    "leader_name": gettext_noop("Name the project leader."),
    "leader_id_number": gettext_noop("Enter the leader's ID number."),
}
NO_KPIS = gettext_noop("Give at least one quantitative performance target.")
NO_DATES = gettext_noop("Give the project's start and end dates.")
NO_BUDGET = gettext_noop("Request an amount: the budget is empty.")
MISSING_ATTACHMENT = gettext_noop("Attach the required document: {name}.")
NO_TOPIC = gettext_noop("Choose one of the call's topics.")
DUPLICATE = gettext_noop("The text shares {percent} per cent with application {number} “{title}” ({state}).")


@dataclass
class CheckReport:
    problems: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, section: str, code: str, template: str, **params: Any) -> None:
        self.problems.append({"section": section, "code": code, "template": template,
                              "params": {k: _plain(v) for k, v in params.items()}})

    def add_violation(self, section: str, violation: Violation) -> None:
        self.add(section, violation.code, violation.template, **violation.params)

    def as_json(self) -> dict[str, Any]:
        return {"problems": self.problems, "duplicates": self.duplicates}


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal | dt.date) else value


def problem_text(problem: dict[str, Any]) -> str:
    """The problem in the reader's language: translate the template, then fill it with formatted values."""
    return translated(problem["template"], problem["params"])


def budget_of(app: Application) -> Budget:
    direct = app.direct_total
    return Budget(equipment_purchase=app.equipment_purchase, equipment_other=app.equipment_other,
                  operations=app.operations, labour=app.labour, indirect=app.indirect,
                  self_raised=app.self_raised, direct_total=direct, requested_total=app.requested_total)


def budget_rules_of(app: Application) -> BudgetRules:
    call = app.call
    return BudgetRules(per_project_cap=call.per_project_cap, co_funding_ratio=call.co_funding_ratio)


def integrity_facts(org_id: int, person_ids: list[str]) -> list[RecordFacts]:
    rows = IntegrityRecord.objects.filter(organisation_id=org_id) | IntegrityRecord.objects.filter(
        person_id_number__in=[p for p in person_ids if p])
    return [
        RecordFacts(subject_kind=r.subject_kind,
                    subject_id=str(r.organisation_id) if r.subject_kind == "organisation" else r.person_id_number,
                    severity=Severity(r.severity), start=r.start, end=r.end, note=r.source)
        for r in rows
    ]


def team_ids(app: Application) -> list[str]:
    return [m.get("id_number", "") for m in app.team if m.get("id_number")]


def leader_open_projects(app: Application) -> int:
    return (Application.objects.filter(leader_id_number=app.leader_id_number, state__in=OPEN_PROJECT_STATES)
            .exclude(pk=app.pk).count()) if app.leader_id_number else 0


def integrity_clear(app: Application, on: dt.date) -> bool:
    records = integrity_facts(app.organisation_id, [app.leader_id_number, *team_ids(app)])
    return not active_integrity_records(records, organisation_ids=[str(app.organisation_id)],
                                        person_ids=[app.leader_id_number, *team_ids(app)], on=on)


def submission_deadline(app: Application) -> dt.datetime:
    """The last moment ``app`` may be (re)submitted.

    A draft must be in by the call's deadline. A returned application answers the officer's (or the
    recommending unit's) request for changes, so holding it to the call's deadline would make every
    late return impossible to fix: it may be resubmitted until the later of the call's deadline and
    ``RESUBMIT_WINDOW`` (10 days) after it was returned. The window is counted from the return, not
    from the deadline, so an early return does not gain extra time past the call's own deadline.
    """
    if app.state == "returned":
        return max(app.call.deadline, app.state_changed_at + RESUBMIT_WINDOW)
    return app.call.deadline


def _eligibility(app: Application, now: dt.datetime, report: CheckReport) -> None:
    call = app.call
    org = app.organisation
    today = now.date()
    quals = frozenset(Qualification.objects.filter(organisation=org).exclude(valid_until__lt=today)
                      .values_list("code", flat=True))
    rules = CallRules(
        organisation_types=frozenset(call.organisation_types), region_prefixes=tuple(call.region_prefixes),
        required_qualifications=frozenset(call.required_qualifications), deadline=submission_deadline(app),
        max_open_projects_per_leader=call.max_open_projects_per_leader,
        # co-funding is checked (with the amount needed) by the budget rules
    )
    snapshot = ApplicantSnapshot(
        organisation_id=str(org.pk), organisation_type=org.kind, region_code=org.region_id,
        leader_id=app.leader_id_number, submitted_at=now, requested=app.requested_total,
        self_raised=app.self_raised, qualifications=quals, team_ids=tuple(team_ids(app)),
        leader_open_projects=leader_open_projects(app))
    records = integrity_facts(org.pk, [app.leader_id_number, *team_ids(app)])
    for violation in check_eligibility(rules, snapshot, records):
        section = {"submitted_at": "deadline", "integrity": "integrity", "leader_id": "leader"}.get(
            violation.field, "eligibility")
        report.add_violation(section, violation)


def _completeness(app: Application, report: CheckReport) -> None:
    for name, message in REQUIRED_FIELDS.items():
        if not str(getattr(app, name)).strip():
            report.add("completeness", f"missing_{name}", message)
    if app.call.topics and app.topic not in {t.get("code") for t in app.call.topics}:
        report.add("completeness", "missing_topic", NO_TOPIC)
    if not app.kpis:
        report.add("completeness", "missing_kpis", NO_KPIS)
    if not (app.start_date and app.end_date):
        report.add("completeness", "missing_dates", NO_DATES)
    if app.requested_total <= 0:
        report.add("budget", "empty_budget", NO_BUDGET)
    present = set(app.documents.values_list("kind", flat=True))
    for name in app.call.required_attachments:
        if name not in present:
            report.add("completeness", "missing_attachment", MISSING_ATTACHMENT, name=name)


def application_text(title: str, summary: str, objectives: str) -> str:
    return f"{title}\n{summary}\n{objectives}"


def find_duplicates(app: Application, threshold: float = DUPLICATE_THRESHOLD) -> list[dict[str, Any]]:
    """Filed applications (any call, any year) whose text is near-identical to this one's."""
    others = (Application.objects.exclude(pk=app.pk).exclude(state__in=FILED_STATES_EXCLUDED)
              .values_list("pk", "title", "summary", "objectives", "state", "call__year", "call_id"))
    index = DuplicateIndex()
    meta: dict[str, tuple] = {}
    for pk, title, summary, objectives, state, year, call_id in others.iterator(chunk_size=2000):
        index.add(str(pk), application_text(title, summary, objectives))
        meta[str(pk)] = (title, state, f"{year}-{call_id:03d}-{pk:05d}")
    found = []
    for match in index.query(application_text(app.title, app.summary, app.objectives), threshold=threshold):
        title, state, number = meta[match.id]
        found.append({"id": int(match.id), "title": title, "state": state, "number": number,
                      "percent": round(match.similarity * 100),
                      "passages": [[p.query_text, p.other_text] for p in match.passages]})
    return found


def submission_report(app: Application, now: dt.datetime | None = None) -> CheckReport:
    """Every reason ``app`` may not be submitted now, all at once."""
    now = now or timezone.now()
    report = CheckReport()
    _eligibility(app, now, report)
    for violation in check_budget(budget_of(app), budget_rules_of(app)):
        report.add_violation("budget", violation)
    _completeness(app, report)
    report.duplicates = find_duplicates(app)
    labels = dict(STATE_CHOICES)
    for dup in report.duplicates:
        report.add("duplicates", "duplicate", DUPLICATE, percent=dup["percent"], number=dup["number"],
                   title=dup["title"], state=str(labels.get(dup["state"], dup["state"])))
    return report
