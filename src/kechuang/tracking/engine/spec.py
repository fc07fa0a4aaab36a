"""The shape of a quantified target (量化目标) as the tracking engine sees it.

The parser and the ``plans`` app produce richer records; tracking needs only what decides
"where should this number be by now, and is it there?". Keeping the shape small and frozen lets
10,000 targets be re-evaluated cheaply and makes every result reproducible from its inputs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from kechuang.core.targets import Comparator  # one comparator meaning for every Target


class Kind(StrEnum):
    """What the target's number means; stored codes, never rename."""

    AMOUNT = "amount"  # a count accumulated over the period: 新增孵化器8家
    LEVEL = "level"  # a level to reach: R&D intensity 2.1%
    GROWTH = "growth"  # a change in percent against the baseline year's value: 增长10%


class Direction(StrEnum):
    """Which way is better. ``decrease`` is for 降低 / 下降 / 减少 targets."""

    INCREASE = "increase"
    DECREASE = "decrease"


class Milestone(NamedTuple):
    """The value the planner expects on a date (in the observations' unit)."""

    date: dt.date
    value: float


class Observation(NamedTuple):
    """The actual value on a date: a metric reading or an accepted progress report.

    A plain ``(date, value)`` tuple is accepted wherever an Observation is.
    """

    date: dt.date
    value: float


@dataclass(frozen=True, slots=True)
class TargetSpec:
    """One quantified target over one period.

    ``value`` is in the target's unit; for growth targets it is the growth rate in percent
    (``10`` for 增长10%) and observations carry the indicator's absolute value, which is compared
    with ``baseline_value`` (the value in ``baseline_year``). Amount targets ignore the baseline:
    their observations are what has accumulated since ``period_start``.
    """

    kind: Kind
    value: float
    period_start: dt.date
    period_end: dt.date
    direction: Direction = Direction.INCREASE
    comparator: Comparator = Comparator.GE
    value_max: float | None = None
    unit: str = ""
    baseline_value: float | None = None
    baseline_year: int | None = None
    milestones: tuple[Milestone, ...] = ()
    weight: float = 1.0

    def __post_init__(self) -> None:
        # Codes arrive as plain strings from JSON and the database; store the enums.
        object.__setattr__(self, "kind", Kind(self.kind))
        object.__setattr__(self, "direction", Direction(self.direction))
        object.__setattr__(self, "comparator", Comparator(self.comparator))
        object.__setattr__(self, "milestones", tuple(Milestone(*m) for m in self.milestones))
        if self.period_end <= self.period_start:
            raise ValueError("period_end must be after period_start")
        if self.kind is Kind.GROWTH and self.baseline_value is None:
            raise ValueError("a growth target needs baseline_value")
        if self.comparator is Comparator.RANGE and (self.value_max is None or self.value_max < self.value):
            raise ValueError("a range target needs value_max >= value")
        if self.weight < 0:
            raise ValueError("weight must not be negative")
        dates = [m.date for m in self.milestones]
        if dates != sorted(set(dates)):
            raise ValueError("milestone dates must be distinct and in order")
        if dates and not (self.period_start <= dates[0] and dates[-1] <= self.period_end):
            raise ValueError("milestones must fall within the period")

    @property
    def decreasing(self) -> bool:
        return self.direction is Direction.DECREASE
