"""Target → status: the tracking engine of work-plan targets, in plain Python (no Django).

Observations (metric readings or accepted progress reports) give the actual value; the target's
period and milestones give the expected value; status, light and forecast follow from the two,
and roll-ups and assessments are weighted sums over targets. See each module for its rules.
"""

from .expected import elapsed_fraction, expected_value
from .forecast import Forecast, ForecastMethod, forecast
from .lights import Light, light_from_observations, light_of, next_light
from .measure import APPROX_TOLERANCE, completion_ratio, goal_value, meets, progress, start_value
from .rollup import ExplainRow, Node, Rollup, explain, rollup, rollup_by_unit, target_node
from .spec import Comparator, Direction, Kind, Milestone, Observation, TargetSpec
from .status import AT_RISK_MIN_RATIO, ON_TRACK_MIN_RATIO, Status, TargetStatus, evaluate

__all__ = [
    "APPROX_TOLERANCE",
    "AT_RISK_MIN_RATIO",
    "ON_TRACK_MIN_RATIO",
    "Comparator",
    "Direction",
    "ExplainRow",
    "Forecast",
    "ForecastMethod",
    "Kind",
    "Light",
    "Milestone",
    "Node",
    "Observation",
    "Rollup",
    "Status",
    "TargetSpec",
    "TargetStatus",
    "completion_ratio",
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
    "rollup",
    "rollup_by_unit",
    "start_value",
    "target_node",
]
