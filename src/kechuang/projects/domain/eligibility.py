"""Whether an applicant may apply to a call, and every reason it may not.

The check runs on a snapshot of the applicant taken by the service layer (organisation type, region,
qualifications, the leader's open projects, the amounts), so the rule reads the same facts at submission
as the officer sees later. It returns all reasons at once (empty list: eligible), never only the first,
so an applicant can fix everything in one visit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import IntEnum

from kechuang.i18n import gettext_noop

from .violations import Violation


class Severity(IntEnum):
    """Integrity record severity (一般 / 较重 / 严重), ordered so a call can bar "this grade and worse"."""

    GENERAL = 1
    MAJOR = 2
    SEVERE = 3


@dataclass(frozen=True)
class IntegrityRecord:
    """A research-integrity record (失信记录) against an organisation or a person.

    The period includes both its start and its end day; ``end=None`` means open-ended.
    """

    subject_kind: str  # "organisation" or "person"
    subject_id: str
    severity: Severity
    start: date
    end: date | None = None
    note: str = ""

    def is_active(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class CallRules:
    """A call's eligibility rules; an empty collection or ``None`` means "no restriction"."""

    organisation_types: frozenset[str] = frozenset()
    region_prefixes: tuple[str, ...] = ()  # GB/T 2260 code prefixes, e.g. "3301" for one prefecture
    required_qualifications: frozenset[str] = frozenset()  # e.g. {"hte"}
    co_funding_ratio: Decimal = Decimal(0)
    deadline: datetime | None = None
    max_open_projects_per_leader: int | None = None
    integrity_bar: Severity = Severity.GENERAL  # active records of this severity or worse exclude


@dataclass(frozen=True)
class ApplicantSnapshot:
    organisation_id: str
    organisation_type: str
    region_code: str
    leader_id: str
    submitted_at: datetime
    requested: Decimal
    self_raised: Decimal
    qualifications: frozenset[str] = frozenset()
    team_ids: tuple[str, ...] = ()
    leader_open_projects: int = 0


def active_integrity_records(
    records: Iterable[IntegrityRecord],
    *,
    organisation_ids: Iterable[str] = (),
    person_ids: Iterable[str] = (),
    on: date,
    min_severity: Severity = Severity.GENERAL,
) -> list[IntegrityRecord]:
    """Records against any of the given organisations or persons, in force on ``on``, at least as grave."""
    orgs, persons = set(organisation_ids), set(person_ids)
    return [
        r for r in records
        if r.severity >= min_severity and r.is_active(on)
        and ((r.subject_kind == "organisation" and r.subject_id in orgs)
             or (r.subject_kind == "person" and r.subject_id in persons))
    ]


def leader_load_violation(leader_id: str, open_projects: int, limit: int) -> Violation | None:
    """A leader already holding ``limit`` open projects may not lead another (限项)."""
    if open_projects < limit:
        return None
    return Violation(
        "leader_id", "leader_over_limit",
        gettext_noop("Project leader {leader} already leads {count} open projects; the limit is {limit}"),
        {"leader": leader_id, "count": open_projects, "limit": limit},
    )


def check_eligibility(
    rules: CallRules,
    applicant: ApplicantSnapshot,
    integrity_records: Iterable[IntegrityRecord] = (),
) -> list[Violation]:
    """Every reason the applicant is not eligible for the call (empty list: eligible)."""
    reasons: list[Violation] = []
    if rules.organisation_types and applicant.organisation_type not in rules.organisation_types:
        reasons.append(Violation(
            "organisation_type", "organisation_type_excluded",
            gettext_noop("Organisation type {type} may not apply (allowed: {allowed})"),
            {"type": applicant.organisation_type, "allowed": ", ".join(sorted(rules.organisation_types))},
        ))
    if rules.region_prefixes and not applicant.region_code.startswith(rules.region_prefixes):
        reasons.append(Violation(
            "region_code", "region_excluded",
            gettext_noop("Region {region} is outside the call's area ({prefixes})"),
            {"region": applicant.region_code, "prefixes": ", ".join(rules.region_prefixes)},
        ))
    for qualification in sorted(rules.required_qualifications - applicant.qualifications):
        reasons.append(Violation(
            "qualifications", "qualification_missing",
            gettext_noop("The call requires the qualification {qualification}"),
            {"qualification": qualification},
        ))
    if rules.co_funding_ratio > 0 and applicant.self_raised < applicant.requested * rules.co_funding_ratio:
        reasons.append(Violation(
            "self_raised", "co_funding_short",
            gettext_noop("Self-raised funds of {self_raised} yuan are below {ratio} of the requested {requested} yuan"),
            {"self_raised": applicant.self_raised, "ratio": rules.co_funding_ratio,
             "requested": applicant.requested},
        ))
    if rules.deadline is not None and applicant.submitted_at > rules.deadline:
        reasons.append(Violation(
            "submitted_at", "after_deadline",
            gettext_noop("Submitted at {submitted} after the deadline {deadline}"),
            {"submitted": applicant.submitted_at.isoformat(), "deadline": rules.deadline.isoformat()},
        ))
    if rules.max_open_projects_per_leader is not None:
        load = leader_load_violation(
            applicant.leader_id, applicant.leader_open_projects, rules.max_open_projects_per_leader
        )
        if load is not None:
            reasons.append(load)
    reasons.extend(
        Violation(
            "integrity", "integrity_record",
            gettext_noop(
                "{kind} {subject} has an active integrity record ({severity}) in force from {start} until {end}"),
            {"kind": r.subject_kind, "subject": r.subject_id, "severity": r.severity.name.lower(),
             "start": r.start.isoformat(), "end": r.end.isoformat() if r.end else "further notice"},
        )
        for r in active_integrity_records(
            integrity_records,
            organisation_ids=(applicant.organisation_id,),
            person_ids=(applicant.leader_id, *applicant.team_ids),
            on=applicant.submitted_at.date(),
            min_severity=rules.integrity_bar,
        )
    )
    return reasons
