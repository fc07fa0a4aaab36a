"""The three lights of 督查督办 and how they move.

Bureaus read green as "done on time or on track", red as "missed or behind" and yellow as "was red
and has been made up". Yellow therefore needs history: the light is folded over successive
statuses, and a target that has ever been red can return to yellow but never to green.

=============================  =====================================
new status                     new light
=============================  =====================================
behind, missed                 red
on_track, achieved             green, or yellow if it was ever red
at_risk                        unchanged (green if there is none yet)
not_started                    unchanged (no light if there is none)
=============================  =====================================

``at_risk`` is a warning, not a light: it neither turns a green light red nor counts as having
made up a red gap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from .spec import Observation, TargetSpec
from .status import Status, evaluate


class Light(StrEnum):
    """Stored codes; translate labels, never rename codes."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


_BAD = frozenset({Status.BEHIND, Status.MISSED})
_GOOD = frozenset({Status.ON_TRACK, Status.ACHIEVED})


def next_light(previous: Light | None, status: Status) -> Light | None:
    """The light after ``status`` is observed, given the light before it (None: no history)."""
    if status in _BAD:
        return Light.RED
    if status in _GOOD:
        return Light.GREEN if previous in (None, Light.GREEN) else Light.YELLOW
    if status is Status.AT_RISK:
        return previous or Light.GREEN
    return previous


def light_of(statuses: Iterable[Status], previous: Light | None = None) -> Light | None:
    """Fold a chronological sequence of statuses into the current light (None if empty)."""
    light = previous
    for status in statuses:
        light = next_light(light, status)
    return light


def light_from_observations(
    spec: TargetSpec, observations: Iterable[Observation], on: dt.date
) -> Light | None:
    """Replay the target's history when no stored light exists.

    The status is evaluated on each observation's date up to ``on`` and then on ``on`` itself, so a
    gap that was red at some report and made up by a later one shows yellow.
    """
    history = sorted(Observation(*obs) for obs in observations)
    dates = sorted({obs.date for obs in history if obs.date <= on} | {on})
    return light_of(evaluate(spec, history, day).status for day in dates)
