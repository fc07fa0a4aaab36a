"""From stored assignments to the engine's shapes: TargetSpec, reporting periods, defaults.

Kept apart from services so the status recompute, the selectors and the exports build specs the
same way from plain value rows (no model instances: 10,000 targets must stay cheap).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from kechuang.tracking.engine import Direction, Frequency, Kind, ReportingPeriod, TargetSpec, reporting_periods

DECREASE_WORDS = ("降低", "下降", "减少", "压减", "压缩", "控制在")

# The value-row fields specs need (Assignment.objects.values(*SPEC_FIELDS)).
SPEC_FIELDS = ("id", "target__kind", "target__value", "target__value_max", "target__comparator", "target__unit",
               "target__weight", "period_start", "period_end", "direction", "baseline_value", "baseline_year",
               "milestones")


def guess_direction(action: str, metric: str) -> str:
    """降低/减少 targets run the other way; the parser keeps the verb in ``action`` or the indicator."""
    text = f"{action}{metric}"
    return Direction.DECREASE.value if any(word in text for word in DECREASE_WORDS) else Direction.INCREASE.value


def default_period(target_year: int | None, plan_year: int | None, plan_first: int | None,
                   today: dt.date) -> tuple[dt.date, dt.date]:
    """From 1 January of the plan's first year (or the target's year) to 31 December of the target's year."""
    year = target_year or plan_year or today.year
    first = min(plan_first or year, year)
    return dt.date(first, 1, 1), dt.date(year, 12, 31)


def spec_from_row(row: Mapping[str, Any]) -> TargetSpec | None:
    """The engine's view of one assignment row, or None when it cannot be evaluated (growth without baseline)."""
    kind = row["target__kind"]
    comparator = row["target__comparator"]
    value_max = row["target__value_max"]
    if comparator == "range" and (value_max is None or value_max < row["target__value"]):
        comparator, value_max = ">=", None
    if kind == Kind.GROWTH and row["baseline_value"] is None:
        return None
    try:
        return TargetSpec(
            kind=kind, value=row["target__value"], period_start=row["period_start"], period_end=row["period_end"],
            direction=row["direction"], comparator=comparator, value_max=value_max, unit=row["target__unit"],
            baseline_value=row["baseline_value"], baseline_year=row["baseline_year"],
            milestones=tuple((dt.date.fromisoformat(d), float(v)) for d, v in row["milestones"] or ()),
            weight=row["target__weight"],
        )
    except ValueError:
        return None


def periods_between(start: dt.date, end: dt.date, frequency: str) -> list[ReportingPeriod]:
    """Every reporting period of ``frequency`` that ends within start..end (the target's period)."""
    return [period for year in range(start.year, end.year + 1)
            for period in reporting_periods(year, Frequency(frequency)) if start <= period.end <= end
            or (period.start <= end < period.end)]


def current_period(periods: list[ReportingPeriod], today: dt.date) -> ReportingPeriod | None:
    """The period a unit should be reporting on now: the earliest one still open whose end has come."""
    return next((period for period in periods if not period.is_closed(today)), None)
