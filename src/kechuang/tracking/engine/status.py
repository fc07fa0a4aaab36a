"""Status of one target on a date, from its observations.

The scheme compares the latest observation in the period with the value expected *on that
observation's date*, so a unit that reports monthly is not marked down for the weeks since its
last report; stale reporting is the reminders' job, not the status's. The comparison is the
completion ratio of ``measure.completion_ratio`` (inverted for decrease targets, measured on the
change for targets with a baseline):

============  ===============================================================================
status        when
============  ===============================================================================
not_started   the period has not begun, or nothing has been reported in it yet
achieved      the latest actual value meets the goal (even before the period ends: done early)
missed        the period is over and the goal was not met, or nothing was reported at all
on_track      ratio >= ON_TRACK_MIN_RATIO (1.0), or nothing is expected yet
at_risk       AT_RISK_MIN_RATIO (0.8) <= ratio < ON_TRACK_MIN_RATIO
behind        ratio < AT_RISK_MIN_RATIO
============  ===============================================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from .expected import expected_value
from .measure import RATIO_EPSILON, completion_ratio, meets
from .spec import Observation, TargetSpec

ON_TRACK_MIN_RATIO = 1.0
AT_RISK_MIN_RATIO = 0.8


class Status(StrEnum):
    """Stored codes; translate labels, never rename codes."""

    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BEHIND = "behind"
    ACHIEVED = "achieved"
    MISSED = "missed"


@dataclass(frozen=True, slots=True)
class TargetStatus:
    """A status with the numbers behind it, so a screen can say why."""

    status: Status
    on: dt.date
    as_of: dt.date | None = None  # date of the observation used
    actual: float | None = None
    expected: float | None = None
    ratio: float | None = None


def latest_in_period(
    spec: TargetSpec, observations: Iterable[Observation], on: dt.date
) -> Observation | None:
    """The last observation dated within the period and not after ``on``.

    Observations outside the period belong to other periods (for an amount they would count
    things accumulated before or after it), so they are ignored.
    """
    last_day = min(on, spec.period_end)
    latest: Observation | None = None
    for obs in observations:
        when = obs[0]
        if spec.period_start <= when <= last_day and (latest is None or when >= latest[0]):
            latest = Observation(when, obs[1])
    return latest


def classify(ratio: float | None) -> Status:
    """The in-period status for a completion ratio against the expected value."""
    if ratio is None or ratio >= ON_TRACK_MIN_RATIO - RATIO_EPSILON:
        return Status.ON_TRACK
    if ratio >= AT_RISK_MIN_RATIO - RATIO_EPSILON:
        return Status.AT_RISK
    return Status.BEHIND


def evaluate(spec: TargetSpec, observations: Iterable[Observation], on: dt.date) -> TargetStatus:
    """The status of ``spec`` on ``on`` given its observations (in any order)."""
    if on < spec.period_start:
        return TargetStatus(Status.NOT_STARTED, on)
    period_over = on > spec.period_end
    latest = latest_in_period(spec, observations, on)
    if latest is None:
        return TargetStatus(Status.MISSED if period_over else Status.NOT_STARTED, on)
    expected = expected_value(spec, latest.date)
    ratio = completion_ratio(spec, latest.value, expected)
    if meets(spec, latest.value):
        status = Status.ACHIEVED
    elif period_over:
        status = Status.MISSED
    else:
        status = classify(ratio)
    return TargetStatus(status, on, latest.date, latest.value, expected, ratio)
