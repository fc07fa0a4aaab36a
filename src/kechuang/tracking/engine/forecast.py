"""A year-end (period-end) forecast from the observations so far.

Deliberately simple, so a planner can redo it on paper and the method is always named:

* ``linear_trend``: two or more observation dates in the period: the least-squares line through
  the observations, read at ``period_end``.
* ``pro_rata``: one observation: the straight line from the start value on ``period_start``
  (0 for amounts, the baseline for levels and growth) through that observation.
* ``last_value``: one observation with no known start (a level without a baseline) or taken on
  the first day: the value is carried forward unchanged.
* ``none``: no observation in the period: no forecast.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from kechuang.i18n import gettext_noop

from .measure import meets, start_value
from .spec import Kind, Observation, TargetSpec


class ForecastMethod(StrEnum):
    LINEAR_TREND = "linear_trend"
    PRO_RATA = "pro_rata"
    LAST_VALUE = "last_value"
    NONE = "none"


# How each method reads on a page (English msgids; the web layer translates them).
FORECAST_METHOD_LABELS: dict[str, str] = {
    ForecastMethod.LINEAR_TREND: gettext_noop("linear trend of the readings"),
    ForecastMethod.PRO_RATA: gettext_noop("pro rata to the time elapsed"),
    ForecastMethod.LAST_VALUE: gettext_noop("latest value carried forward"),
    ForecastMethod.NONE: gettext_noop("no forecast"),
}


@dataclass(frozen=True, slots=True)
class Forecast:
    method: ForecastMethod
    value: float | None  # forecast value on period_end
    reaches: bool | None  # whether that value meets the goal; None without a forecast


def forecast(spec: TargetSpec, observations: Iterable[Observation]) -> Forecast:
    """Forecast the value on ``period_end`` from the observations dated within the period."""
    points = sorted(
        ((obs[0] - spec.period_start).days, obs[1])
        for obs in observations
        if spec.period_start <= obs[0] <= spec.period_end
    )
    horizon = (spec.period_end - spec.period_start).days
    if not points:
        return Forecast(ForecastMethod.NONE, None, None)
    if len({day for day, _ in points}) >= 2:
        method, value = ForecastMethod.LINEAR_TREND, _trend_at(points, horizon)
    else:
        day, last = points[-1]
        has_start = spec.kind is Kind.AMOUNT or spec.baseline_value is not None
        if has_start and day > 0:
            start = start_value(spec)
            method, value = ForecastMethod.PRO_RATA, start + (last - start) * horizon / day
        else:
            method, value = ForecastMethod.LAST_VALUE, last
    return Forecast(method, value, meets(spec, value))


def _trend_at(points: list[tuple[int, float]], x: int) -> float:
    """Ordinary least squares y = a + b·t through ``points``, evaluated at ``x``."""
    n = len(points)
    mean_t = sum(t for t, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((t - mean_t) ** 2 for t, _ in points)
    sxy = sum((t - mean_t) * (y - mean_y) for t, y in points)
    return mean_y + sxy / sxx * (x - mean_t)
