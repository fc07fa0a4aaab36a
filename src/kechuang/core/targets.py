"""What a target's comparator means: one reading for plan targets, project KPIs and every other Target.

A comparator says how strictly a goal must be reached, read in the target's direction (increase or
decrease), never as arithmetic on the raw numbers: "专利 = 3" is reached by 4 patents, as a planner and
an acceptance panel both read it. ``tracking.engine`` measures plan targets with it; ``projects.kpis``
judges contracted KPIs with it. Plain Python, no Django.
"""

from __future__ import annotations

from enum import StrEnum


class Comparator(StrEnum):
    """How strictly the goal must be reached, read in the target's direction.

    ``=``, ``>=`` and ``<=`` are inclusive (reaching the goal counts), ``>`` and ``<`` are strict
    (the goal must be passed), ``~`` (约) accepts a small shortfall, ``range`` gives a band
    ``value..value_max`` whose near end (the first reached when moving in the target's direction)
    is the goal. For a decrease target "降低10%以上" the parser may write ``>=``: strictness is
    about the size of the change, so comparators never flip a target's direction.
    """

    EQ = "="
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    APPROX = "~"
    RANGE = "range"


APPROX_TOLERANCE = 0.05
"""A ``~`` (约) target counts as reached at a completion ratio of 1 - this (95%)."""

RATIO_EPSILON = 1e-9
"""Absorbs float noise such as 100 × 1.1 = 110.00000000000001 when comparing ratios with 1."""

CEILINGS = frozenset({Comparator.LT, Comparator.LE})
"""Comparators that, on a bare value without a stated direction (a KPI), mean "at most": a decrease."""


def ratio_reaches(comparator: Comparator | str, ratio: float) -> bool:
    """Whether a completion ratio (1.0 = exactly the goal, in the target's direction) reaches the goal."""
    comparator = Comparator(comparator)
    if comparator in (Comparator.GT, Comparator.LT):
        return ratio > 1.0 + RATIO_EPSILON
    if comparator is Comparator.APPROX:
        return ratio >= 1.0 - APPROX_TOLERANCE - RATIO_EPSILON
    return ratio >= 1.0 - RATIO_EPSILON


def value_reaches(comparator: Comparator | str, actual: float, goal: float, *, decreasing: bool | None = None) -> bool:
    """Whether ``actual`` reaches a plain ``goal`` (no baseline, no period) under ``comparator``.

    ``decreasing`` defaults to what the comparator says on its own: ``<`` and ``<=`` are ceilings.
    A zero goal is reached by anything at or past zero in the target's direction.
    """
    comparator = Comparator(comparator)
    down = comparator in CEILINGS if decreasing is None else decreasing
    if down:  # staying under a ceiling: nothing at all is as far under it as one can be
        return True if actual <= 0 else ratio_reaches(comparator, goal / actual)
    if abs(goal) <= RATIO_EPSILON:
        return actual >= 0
    return ratio_reaches(comparator, actual / goal)
