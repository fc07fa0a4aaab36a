"""Year-end assessment (考核) of units: points per target, a total, and a ranked table.

Each target carries a weight in points (分值; configurable per assessment, defaulting to the
target's own weight). A target earns ``weight × credit(ratio)`` where ``ratio`` is its completion
ratio against the goal (``measure.completion_ratio``: inverted for decrease targets, on the change
for targets with a baseline) and ``ScoringRule.credit`` is:

* no report: 0 (note ``missed report``);
* ratio below ``floor``: 0;
* ratio up to 1: the ratio itself (linear partial credit, "完成率 × 分值");
* ratio above 1: 1 plus ``bonus_rate`` per unit of ratio over 1, the ratio counted only up to
  ``cap``, so the bonus is at most ``(cap - 1) × bonus_rate``.

A unit's score is the sum of its points, and ``full_marks`` the sum of its weights (the score at
exactly 100% on every target). Units are ranked by score, highest first; units whose scores are
equal (to 1e-9) share a rank and the next rank skips accordingly (1, 2, 2, 4), listed by unit
name so the table is the same on every run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .measure import completion_ratio, goal_value, meets
from .spec import TargetSpec

_TIE_DIGITS = 9


@dataclass(frozen=True, slots=True)
class ScoringRule:
    cap: float = 1.2  # highest completion ratio credited
    floor: float = 0.0  # below this ratio a target earns nothing
    bonus_rate: float = 1.0  # credit per unit of ratio above 1; 0 gives no over-achievement credit

    def __post_init__(self) -> None:
        if self.cap < 1.0 or not 0.0 <= self.floor <= 1.0 or self.bonus_rate < 0:
            raise ValueError("need cap >= 1, 0 <= floor <= 1 and bonus_rate >= 0")

    def credit(self, ratio: float) -> tuple[float, str]:
        """The credit (share of the target's points) for ``ratio`` and a note saying why."""
        if ratio < self.floor:
            return 0.0, f"below floor {self.floor:g}"
        if ratio <= 1.0:
            return max(ratio, 0.0), ""
        counted = min(ratio, self.cap)
        bonus = (counted - 1.0) * self.bonus_rate
        note = f"bonus +{bonus:g}" + (f", ratio capped at {self.cap:g}" if ratio > self.cap else "")
        return 1.0 + bonus, note


@dataclass(frozen=True, slots=True)
class AssessedTarget:
    """A unit's result on one target; ``actual`` None means the unit did not report."""

    key: str
    spec: TargetSpec
    actual: float | None


@dataclass(frozen=True, slots=True)
class ScoreRow:
    target: str
    weight: float
    actual: float | None
    target_value: float
    ratio: float | None
    points: float
    note: str


@dataclass(frozen=True, slots=True)
class UnitScore:
    unit: str
    score: float
    full_marks: float
    rank: int
    rows: tuple[ScoreRow, ...]


def score_row(target: AssessedTarget, weight: float, rule: ScoringRule) -> ScoreRow:
    """One line of a unit's score sheet."""
    goal = goal_value(target.spec)
    if target.actual is None:
        return ScoreRow(target.key, weight, None, goal, None, 0.0, "missed report")
    ratio = completion_ratio(target.spec, target.actual, goal)
    if ratio is None:  # a zero goal: all or nothing
        credit, note = (1.0, "") if meets(target.spec, target.actual) else (0.0, "goal not met")
    else:
        credit, note = rule.credit(ratio)
    return ScoreRow(target.key, weight, target.actual, goal, ratio, weight * credit, note)


def assess(
    results: Mapping[str, Iterable[AssessedTarget]],
    *,
    rule: ScoringRule | None = None,
    weights: Mapping[str, float] | None = None,
) -> list[UnitScore]:
    """Score every unit and rank them; ``weights`` maps target keys to points, overriding the spec."""
    rule = rule or ScoringRule()
    weights = weights or {}
    sheets = []
    for unit, targets in results.items():
        rows = tuple(score_row(t, weights.get(t.key, t.spec.weight), rule) for t in targets)
        sheets.append((unit, sum(r.points for r in rows), sum(r.weight for r in rows), rows))
    sheets.sort(key=lambda sheet: (-round(sheet[1], _TIE_DIGITS), sheet[0]))
    ranked: list[UnitScore] = []
    for position, (unit, score, full_marks, rows) in enumerate(sheets, start=1):
        tied = bool(ranked) and round(ranked[-1].score, _TIE_DIGITS) == round(score, _TIE_DIGITS)
        rank = ranked[-1].rank if tied else position
        ranked.append(UnitScore(unit, score, full_marks, rank, rows))
    return ranked
