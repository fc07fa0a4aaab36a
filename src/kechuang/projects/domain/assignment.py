"""Automatic expert assignment, and the re-check of an officer's manual edits.

Hard rules are never traded for a better score: no conflict of interest (see :mod:`.conflicts`), no
expert above its load cap, no unavailable expert, no expert twice on one application. An application
that cannot get ``k`` experts within those rules is reported with the reason instead.

Within the rules the assignment prefers field match and balanced load:

* Field match uses hierarchical discipline codes (GB/T 13745 学科分类与代码: 3-digit first level, 5-digit
  second, 7-digit third). Same code scores 1; a shared 5-character prefix 0.5; a shared 3-character
  prefix 0.25; the application's best-matching field counts.
* Each pick maximises ``match - load_weight * load / cap``, so among equally matched experts the least
  loaded (relative to its cap) wins, and a close-but-busy expert yields to a free, slightly weaker one.
* Applications are served scarcest first (fewest matching, conflict-free experts), so the ones with
  few possible reviewers are staffed before common fields use up the caps.
* An application left short is repaired by one-step swaps: a conflict-free expert at its cap is freed
  by replacing it on another application with an expert that still has room.

Candidates come from an index of experts by field-code prefix, so an application only scores the
experts of its first-level disciplines; the whole pool is scanned only for the rare application whose
fields cannot supply ``k`` experts.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kechuang.i18n import gettext_noop

from .conflicts import LOOKBACK_YEARS, Application, Expert, conflicts, recent_collaborators

# (prefix length, score) for codes that are not identical, best first; identical codes score 1.
PREFIX_SCORES: tuple[tuple[int, float], ...] = ((5, 0.5), (3, 0.25))


def field_match(expert_fields: Iterable[str], application_fields: Iterable[str],
                prefix_scores: tuple[tuple[int, float], ...] = PREFIX_SCORES) -> float:
    """Best match between any expert field and any application field (0 when nothing is shared)."""
    best = 0.0
    for a in application_fields:
        for e in expert_fields:
            if a == e:
                return 1.0
            for length, score in prefix_scores:
                if score > best and len(a) >= length and len(e) >= length and a[:length] == e[:length]:
                    best = score
                    break
    return best


@dataclass(frozen=True)
class Unstaffed:
    application_id: str
    assigned: int
    needed: int
    reason: str


@dataclass
class AssignmentResult:
    assignments: dict[str, list[str]]  # application id -> expert ids, best match first
    unstaffed: list[Unstaffed]
    loads: dict[str, int]  # expert id -> applications assigned
    match: dict[tuple[str, str], float] = field(default_factory=dict)  # (application, expert) -> score


@dataclass
class _Pool:
    """Experts with their conflict sets precomputed for one review date, and the field index."""

    experts: list[Expert]
    conflict_orgs: list[frozenset[str]]
    conflict_persons: list[frozenset[str]]
    by_prefix: dict[str, list[int]]

    @classmethod
    def build(cls, experts: Sequence[Expert], on: date, years: int) -> _Pool:
        usable = [e for e in experts if e.available and e.cap > 0]
        orgs = [
            frozenset({e.organisation_id}) | e.declared_organisations | recent_collaborators(e, on, years)
            for e in usable
        ]
        persons = [e.declared_persons | {e.id} for e in usable]
        shortest = min(length for length, _ in PREFIX_SCORES)
        by_prefix: dict[str, list[int]] = defaultdict(list)
        for i, e in enumerate(usable):
            for prefix in {code[:shortest] for code in e.fields}:
                by_prefix[prefix].append(i)
        return cls(usable, orgs, persons, dict(by_prefix))

    def clean(self, i: int, application: Application) -> bool:
        return (self.conflict_orgs[i].isdisjoint(application.organisations)
                and self.conflict_persons[i].isdisjoint(application.person_ids))

    def candidates(self, application: Application) -> dict[int, float]:
        """Conflict-free experts sharing at least a first-level discipline, with their match."""
        shortest = min(length for length, _ in PREFIX_SCORES)
        seen: set[int] = set()
        for code in application.fields:
            seen.update(self.by_prefix.get(code[:shortest], ()))
        return {
            i: field_match(self.experts[i].fields, application.fields)
            for i in seen
            if self.clean(i, application)
        }


def assign_experts(
    applications: Sequence[Application],
    experts: Sequence[Expert],
    *,
    k: int = 5,
    on: date,
    years: int = LOOKBACK_YEARS,
    load_weight: float = 0.5,
) -> AssignmentResult:
    """Assign ``k`` experts to each application within the hard rules (see the module docstring)."""
    pool = _Pool.build(experts, on, years)
    caps = [e.cap for e in pool.experts]
    loads = [0] * len(pool.experts)
    options = {a.id: pool.candidates(a) for a in applications}
    chosen: dict[str, list[int]] = {a.id: [] for a in applications}
    order = sorted(applications, key=lambda a: (len(options[a.id]), a.id))

    def score(i: int, match: float) -> float:
        return match - load_weight * loads[i] / caps[i]

    for app in order:
        cands = options[app.id]
        picks = heapq.nlargest(k, (i for i in cands if loads[i] < caps[i]), key=lambda i: score(i, cands[i]))
        if len(picks) < k:  # fields cannot supply k: take conflict-free experts from other fields
            others = (i for i in range(len(pool.experts))
                      if i not in cands and loads[i] < caps[i] and pool.clean(i, app))
            picks += heapq.nsmallest(k - len(picks), others, key=lambda i: (loads[i] / caps[i], i))
        for i in picks:
            loads[i] += 1
        chosen[app.id] = picks

    by_id = {a.id: a for a in applications}
    short = [a.id for a in order if len(chosen[a.id]) < k]
    for app_id in short:
        _repair(by_id[app_id], k, chosen, by_id, pool, loads, caps)

    unstaffed = [
        Unstaffed(a.id, len(chosen[a.id]), k, _shortage_reason(a, pool, k))
        for a in applications if len(chosen[a.id]) < k
    ]
    match = {}
    assignments = {}
    for a in applications:
        ranked = sorted(chosen[a.id], key=lambda i: -options[a.id].get(i, 0.0))
        assignments[a.id] = [pool.experts[i].id for i in ranked]
        for i in ranked:
            match[(a.id, pool.experts[i].id)] = options[a.id].get(i, 0.0)
    return AssignmentResult(
        assignments=assignments,
        unstaffed=unstaffed,
        loads={e.id: loads[i] for i, e in enumerate(pool.experts)},
        match=match,
    )


def _repair(app: Application, k: int, chosen: dict[str, list[int]], by_id: Mapping[str, Application],
            pool: _Pool, loads: list[int], caps: list[int]) -> None:
    """Fill ``app`` by freeing full, conflict-free experts: each leaves another application where an
    expert with room and no conflict takes its place."""
    with_room = [i for i in range(len(pool.experts)) if loads[i] < caps[i]]
    if not with_room:
        return  # nobody can step in, so no swap can help
    holders: dict[int, list[str]] = defaultdict(list)
    for other_id, picks in chosen.items():
        for i in picks:
            holders[i].append(other_id)
    for full in range(len(pool.experts)):
        if len(chosen[app.id]) >= k:
            return
        if loads[full] < caps[full] or full in chosen[app.id] or not pool.clean(full, app):
            continue
        for other_id in holders[full]:
            other, taken = by_id[other_id], set(chosen[other_id])
            substitute = next(
                (i for i in with_room
                 if loads[i] < caps[i] and i not in taken and i != full and pool.clean(i, other)),
                None,
            )
            if substitute is None:
                continue
            chosen[other_id] = [substitute if i == full else i for i in chosen[other_id]]
            loads[substitute] += 1
            chosen[app.id].append(full)
            holders[full].remove(other_id)
            break


def _shortage_reason(app: Application, pool: _Pool, k: int) -> str:
    clean = sum(1 for i in range(len(pool.experts)) if pool.clean(i, app))
    if clean < k:
        return (f"only {clean} available experts in the pool are free of conflicts of interest "
                f"with this application; {k} are needed")
    return f"all {clean} conflict-free available experts have reached their load cap"


@dataclass(frozen=True)
class AssignmentViolation:
    application_id: str | None
    expert_id: str | None
    code: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


def validate_assignment(
    assignments: Mapping[str, Sequence[str]],
    applications: Sequence[Application],
    experts: Sequence[Expert],
    *,
    on: date,
    k: int | None = None,
    years: int = LOOKBACK_YEARS,
) -> list[AssignmentViolation]:
    """Re-check an assignment (typically after an officer's manual edit) against every hard rule."""
    apps = {a.id: a for a in applications}
    pool = {e.id: e for e in experts}
    found: list[AssignmentViolation] = []
    loads: dict[str, int] = defaultdict(int)
    for app_id, expert_ids in assignments.items():
        app = apps.get(app_id)
        if app is None:
            found.append(AssignmentViolation(app_id, None, "unknown_application",
                                             "Application {app} does not exist", {"app": app_id}))
            continue
        staffed = len({e for e in expert_ids if e in pool})
        if k is not None and staffed < k:
            found.append(AssignmentViolation(
                app_id, None, "too_few_experts",
                gettext_noop("Application {app} has {count} experts; {k} are required"),
                {"app": app_id, "count": staffed, "k": k}))
        seen: set[str] = set()
        for expert_id in expert_ids:
            expert = pool.get(expert_id)
            if expert is None:
                found.append(AssignmentViolation(app_id, expert_id, "unknown_expert",
                                                 "Expert {expert} does not exist", {"expert": expert_id}))
                continue
            if expert_id in seen:
                found.append(AssignmentViolation(app_id, expert_id, "duplicate_expert",
                                                 gettext_noop("Expert {expert} appears twice on application {app}"),
                                                 {"expert": expert_id, "app": app_id}))
                continue
            seen.add(expert_id)
            loads[expert_id] += 1
            if not expert.available:
                found.append(AssignmentViolation(app_id, expert_id, "unavailable",
                                                 gettext_noop("Expert {expert} is not available for this round"),
                                                 {"expert": expert_id}))
            found.extend(
                AssignmentViolation(app_id, expert_id, f"conflict_{c.rule}",
                                    gettext_noop("Expert {expert} may not review application {app}: {detail}"),
                                    {"expert": expert_id, "app": app_id, "detail": c.detail})
                for c in conflicts(expert, app, on, years)
            )
    for expert_id, load in sorted(loads.items()):
        cap = pool[expert_id].cap
        if load > cap:
            found.append(AssignmentViolation(None, expert_id, "over_cap",
                                             gettext_noop("Expert {expert} has {load} applications; the cap is {cap}"),
                                             {"expert": expert_id, "load": load, "cap": cap}))
    return found
