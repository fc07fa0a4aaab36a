"""Conflict-of-interest (回避) rules between a review expert and an application.

Kept apart from the assignment algorithm so that the same rules, stated once, serve the automatic
assignment, the re-check of an officer's manual edits, and any later audit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Collaboration:
    """Joint work (project, paper, contract) of the expert with an organisation, dated."""

    organisation_id: str
    on: date


@dataclass(frozen=True)
class Expert:
    id: str  # the expert is a person: this id is compared with applications' person ids
    organisation_id: str
    fields: tuple[str, ...]  # hierarchical discipline codes
    cap: int  # most applications the expert may review in this round
    available: bool = True
    declared_organisations: frozenset[str] = frozenset()
    declared_persons: frozenset[str] = frozenset()
    collaborations: tuple[Collaboration, ...] = ()


@dataclass(frozen=True)
class Application:
    id: str
    organisation_id: str
    fields: tuple[str, ...]
    cooperating_organisations: frozenset[str] = frozenset()
    person_ids: frozenset[str] = frozenset()  # leader and team members

    @property
    def organisations(self) -> frozenset[str]:
        return self.cooperating_organisations | {self.organisation_id}


@dataclass(frozen=True)
class Conflict:
    rule: str
    detail: str


LOOKBACK_YEARS = 3


def lookback_start(on: date, years: int = LOOKBACK_YEARS) -> date:
    """First day of the collaboration window: the same calendar day ``years`` earlier (28 Feb for 29 Feb)."""
    try:
        return on.replace(year=on.year - years)
    except ValueError:
        return on.replace(year=on.year - years, day=28)


def recent_collaborators(expert: Expert, on: date, years: int = LOOKBACK_YEARS) -> frozenset[str]:
    """Organisations the expert worked with from ``lookback_start(on)`` up to ``on``, both included."""
    start = lookback_start(on, years)
    return frozenset(c.organisation_id for c in expert.collaborations if start <= c.on <= on)


def conflicts(
    expert: Expert, application: Application, on: date, years: int = LOOKBACK_YEARS
) -> list[Conflict]:
    """Every reason the expert must not review the application (empty list: no conflict)."""
    found: list[Conflict] = []
    if expert.id in application.person_ids:
        found.append(Conflict("team_member", f"expert {expert.id} is on the application's team"))
    if expert.organisation_id == application.organisation_id:
        found.append(Conflict("same_organisation",
                              f"expert works at the applicant organisation {expert.organisation_id}"))
    if expert.organisation_id in application.cooperating_organisations:
        found.append(Conflict("cooperating_organisation",
                              f"expert works at cooperating organisation {expert.organisation_id}"))
    for org in sorted(expert.declared_organisations & application.organisations):
        found.append(Conflict("declared_organisation", f"expert declared a conflict with organisation {org}"))
    for person in sorted(expert.declared_persons & application.person_ids):
        found.append(Conflict("declared_person", f"expert declared a conflict with person {person}"))
    for org in sorted(recent_collaborators(expert, on, years) & application.organisations):
        found.append(Conflict("recent_collaboration",
                              f"expert worked with organisation {org} in the last {years} years"))
    return found
