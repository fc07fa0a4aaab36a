"""The value a target should show on a given date (应完成进度).

By default the path is pro-rata in time, the bureau's "时间过半、任务过半": a straight line from the
start value on ``period_start`` to the goal on ``period_end``. Amounts start at 0, levels at the
baseline (a level without a baseline is a level to hold, so its path is flat at the goal).

Growth targets also follow a straight line, baseline × (1 + g·f) for the elapsed fraction f, rather
than the compounding baseline × (1 + g)^f. The line is what planners compute by hand and what
milestones interpolate with, so the engine and the planner's spreadsheet agree; within a one-year
period the two differ by at most a few tenths of a percent of the baseline (g = 10%, f = ½:
1.0500 against 1.0488), well inside the at-risk band.

When the planner sets milestones the path is piecewise-linear through them instead: from the start
value to each milestone in turn and on to the goal at the period's end (a milestone on the end
date overrides the goal there).
"""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from .measure import goal_value, start_value
from .spec import TargetSpec


def elapsed_fraction(spec: TargetSpec, on: dt.date) -> float:
    """Share of the period elapsed on ``on``, clamped to 0..1 (the end date counts as 1)."""
    total = (spec.period_end - spec.period_start).days
    done = (on - spec.period_start).days
    return min(max(done / total, 0.0), 1.0)


def expected_value(spec: TargetSpec, on: dt.date) -> float:
    """The expected value on ``on``: before the period the start value, after it the goal."""
    points = _path(spec)
    if on <= points[0][0]:
        return points[0][1]
    for (d0, v0), (d1, v1) in pairwise(points):
        if on <= d1:
            return v0 + (v1 - v0) * (on - d0).days / (d1 - d0).days
    return points[-1][1]


def _path(spec: TargetSpec) -> list[tuple[dt.date, float]]:
    points = [(spec.period_start, start_value(spec))]
    for milestone in spec.milestones:
        if milestone.date == spec.period_start:
            points[0] = (milestone.date, milestone.value)
        else:
            points.append((milestone.date, milestone.value))
    if points[-1][0] != spec.period_end:
        points.append((spec.period_end, goal_value(spec)))
    return points
