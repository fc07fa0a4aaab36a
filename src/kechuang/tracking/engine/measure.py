"""Turning a target and an actual value into comparable numbers.

Every other module (status, forecast, roll-up, assessment) asks the same two questions, so they
are answered once here: what is the goal in the observations' unit, and what share of the way
to a reference value has the actual value covered (the completion ratio, 完成率)?
"""

from __future__ import annotations

import math

from kechuang.core.targets import APPROX_TOLERANCE, RATIO_EPSILON, ratio_reaches

from .spec import Comparator, Kind, TargetSpec

__all__ = ["APPROX_TOLERANCE", "RATIO_EPSILON", "completion_ratio", "goal_value", "meets", "progress",
           "start_value"]


def goal_value(spec: TargetSpec) -> float:
    """The value the observations must reach by the period's end.

    For a range the near end counts (see ``Comparator``). For growth the percentage is applied to
    the baseline, negatively for a decrease target: 下降5% from 200 is 190.
    """
    base = spec.baseline_value
    if spec.kind is Kind.GROWTH and base is not None:
        rate = spec.value / 100.0  # for a growth range, value is the smaller change: the near end
        sign = -1.0 if spec.decreasing else 1.0
        return base * (1.0 + sign * rate)
    if spec.comparator is Comparator.RANGE and spec.decreasing and spec.value_max is not None:
        return spec.value_max
    return spec.value


def start_value(spec: TargetSpec) -> float:
    """Where the expected path starts on ``period_start``.

    Amounts start from nothing, levels and growth from the baseline; a level without a baseline
    has no known start, so its expected value is the goal throughout (a level to hold).
    """
    if spec.kind is Kind.AMOUNT:
        return 0.0
    if spec.baseline_value is not None:
        return spec.baseline_value
    return goal_value(spec)


def completion_ratio(spec: TargetSpec, actual: float, reference: float) -> float | None:
    """Share of the way from the start to ``reference`` that ``actual`` covers; 1.0 means there.

    With a baseline (levels, growth) the ratio is measured on the change: growth of 8% against a
    planned 10% is 0.8, which ``actual / reference`` (108 / 110 = 0.98) would hide. Without one it
    is ``actual / reference``, inverted for decrease targets so that staying under a ceiling gives
    a ratio above 1. Returns None when nothing is expected yet (reference equals the start of a
    zero-based path), and ``inf`` for a decrease target whose actual value is zero.
    """
    base = spec.baseline_value
    if spec.kind is not Kind.AMOUNT and base is not None and abs(reference - base) > RATIO_EPSILON:
        return (actual - base) / (reference - base)
    if spec.decreasing:
        if actual <= 0:
            return math.inf if reference > 0 else None
        return reference / actual
    if abs(reference) <= RATIO_EPSILON:
        return None
    return actual / reference


def meets(spec: TargetSpec, actual: float) -> bool:
    """Whether ``actual`` reaches the target's goal under its comparator."""
    ratio = completion_ratio(spec, actual, goal_value(spec))
    if ratio is None:  # a zero goal on a zero-based path: reached by anything at or past zero
        return actual >= 0 if not spec.decreasing else actual <= 0
    return ratio_reaches(spec.comparator, ratio)


def progress(spec: TargetSpec, actual: float | None) -> float | None:
    """Progress towards the goal clamped to 0..1, as roll-ups use it; None without data."""
    if actual is None:
        return None
    ratio = completion_ratio(spec, actual, goal_value(spec))
    if ratio is None:
        return 1.0 if meets(spec, actual) else 0.0
    return min(max(ratio, 0.0), 1.0)
