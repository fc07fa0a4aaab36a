"""Contracted targets against achieved values: the comparison acceptance is judged on.

Targets have the shape the plans use (indicator, comparator, value, unit) and the comparator means what it
means for plan targets (``kechuang.core.targets``): "= 3" is reached by 4. Plain Python, no Django.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kechuang.core.targets import Comparator, value_reaches

COMPARATOR_CODES = frozenset(c.value for c in Comparator)


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
        comparator = t["comparator"] if t["comparator"] in COMPARATOR_CODES else Comparator.GE
        met = None if value is None or target is None else value_reaches(comparator, float(value), float(target))
        rows.append(KpiResult(t["indicator"], t["comparator"], t["value"], t.get("unit", ""), str(got), met))
    return rows


def share_met(rows: Sequence[KpiResult]) -> float:
    """Share of targets met (unreported ones count as not met)."""
    return sum(1 for r in rows if r.met) / len(rows) if rows else 0.0
