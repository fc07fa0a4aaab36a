"""One comparator meaning: project KPIs and plan targets read a goal the same way."""

import datetime as dt

import pytest

from kechuang.core.targets import Comparator, value_reaches
from kechuang.projects.kpis import compare_kpis
from kechuang.tracking.engine import Direction, Kind, TargetSpec, meets

CASES = [
    ("=", 3, 4), ("=", 3, 3), ("=", 3, 2), (">=", 3, 3), (">", 3, 3), (">", 3, 4), ("~", 100, 96),
    ("~", 100, 94), ("<=", 35, 35), ("<=", 35, 36), ("<", 35, 35), ("<", 35, 34), (">=", 0, 0),
]


def test_equal_three_is_reached_by_four_in_projects_as_in_tracking():
    [row] = compare_kpis([{"indicator": "专利", "comparator": "=", "value": "3", "unit": "项"}], {"专利": "4"})
    assert row.met is True


@pytest.mark.parametrize(("comparator", "goal", "actual"), CASES)
def test_kpis_and_plan_targets_agree(comparator, goal, actual):
    direction = Direction.DECREASE if comparator in ("<", "<=") else Direction.INCREASE
    spec = TargetSpec(Kind.LEVEL, goal, dt.date(2026, 1, 1), dt.date(2026, 12, 31), direction=direction,
                      comparator=Comparator(comparator))
    [row] = compare_kpis([{"indicator": "x", "comparator": comparator, "value": str(goal)}], {"x": str(actual)})
    assert row.met == meets(spec, actual) == value_reaches(comparator, actual, goal)


def test_expected_readings():
    assert [value_reaches(c, a, g) for c, g, a in CASES] == [
        True, True, False, True, False, True, True, False, True, False, False, True, True]
