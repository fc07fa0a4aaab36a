"""Target → status: the tracking engine of work-plan targets, in plain Python (no Django).

Observations (metric readings or accepted progress reports) give the actual value; the target's
period and milestones give the expected value; status, light and forecast follow from the two,
and roll-ups and assessments are weighted sums over targets. See each module for its rules.
"""

from .assessment import AssessedTarget, ScoreRow, ScoringRule, UnitScore, assess, score_row
from .expected import elapsed_fraction, expected_value
from .forecast import Forecast, ForecastMethod, forecast
from .lights import Light, light_from_observations, light_of, next_light
from .measure import (
    APPROX_TOLERANCE,
    RATIO_EPSILON,
    completion_ratio,
    goal_value,
    meets,
    progress,
    start_value,
)
from .periods import DEFAULT_DUE_AFTER_DAYS, Frequency, ReportingPeriod, reporting_periods
from .reminders import (
    Deadline,
    Recipient,
    Reminder,
    ReminderKind,
    ReminderPolicy,
    deadlines_for,
    reminders_to_send,
)
from .rollup import ExplainRow, Node, Rollup, explain, rollup, rollup_by_unit, target_node
from .spec import Comparator, Direction, Kind, Milestone, Observation, TargetSpec
from .status import AT_RISK_MIN_RATIO, ON_TRACK_MIN_RATIO, Status, TargetStatus, evaluate

__all__ = [
    "APPROX_TOLERANCE",
    "AT_RISK_MIN_RATIO",
    "DEFAULT_DUE_AFTER_DAYS",
    "ON_TRACK_MIN_RATIO",
    "RATIO_EPSILON",
    "AssessedTarget",
    "Comparator",
    "Deadline",
    "Direction",
    "ExplainRow",
    "Forecast",
    "ForecastMethod",
    "Frequency",
    "Kind",
    "Light",
    "Milestone",
    "Node",
    "Observation",
    "Recipient",
    "Reminder",
    "ReminderKind",
    "ReminderPolicy",
    "ReportingPeriod",
    "Rollup",
    "ScoreRow",
    "ScoringRule",
    "Status",
    "TargetSpec",
    "TargetStatus",
    "UnitScore",
    "assess",
    "completion_ratio",
    "deadlines_for",
    "elapsed_fraction",
    "evaluate",
    "expected_value",
    "explain",
    "forecast",
    "goal_value",
    "light_from_observations",
    "light_of",
    "meets",
    "next_light",
    "progress",
    "reminders_to_send",
    "reporting_periods",
    "rollup",
    "rollup_by_unit",
    "score_row",
    "start_value",
    "target_node",
]
