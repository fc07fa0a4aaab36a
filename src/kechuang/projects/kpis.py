"""Contracted targets against achieved values: the comparison acceptance is judged on.

Targets have the shape the plans use (indicator, comparator, value, unit); plain Python, no Django.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

COMPARE: dict[str, Callable[[Decimal, Decimal], bool]] = {
    ">=": operator.ge, ">": operator.gt, "=": operator.eq, "<=": operator.le, "<": operator.lt,
}


@dataclass(frozen=True)
class KpiResult:
    indicator: str
    comparator: str
    target: str
    unit: str
    achieved: str  # "" when not reported
    met: bool | None  # None when not reported


def _number(value: object) -> Decimal | None:
    try:
        return Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None


def compare_kpis(targets: Sequence[Mapping[str, str]], achieved: Mapping[str, str]) -> list[KpiResult]:
    """One row per contracted target; ``achieved`` maps the indicator to the reported value."""
    rows = []
    for t in targets:
        got = achieved.get(t["indicator"], "")
        value, target = _number(got), _number(t["value"])
        met = None if value is None or target is None else COMPARE.get(t["comparator"], operator.ge)(value, target)
        rows.append(KpiResult(t["indicator"], t["comparator"], t["value"], t.get("unit", ""), str(got), met))
    return rows


def share_met(rows: Sequence[KpiResult]) -> float:
    """Share of targets met (unreported ones count as not met)."""
    return sum(1 for r in rows if r.met) / len(rows) if rows else 0.0
