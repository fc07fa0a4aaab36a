import datetime as dt

import pytest

from kechuang.tracking.engine import Direction, Kind, Milestone, TargetSpec, elapsed_fraction, expected_value

from .factories import END, START, day, spec

YEAR = {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 12, 31)}
MID_YEAR = dt.date(2025, 7, 2)  # 182 of 364 days


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (dt.date(2024, 12, 1), 0.0),
        (dt.date(2025, 1, 1), 0.0),
        (MID_YEAR, 4.0),
        (dt.date(2025, 12, 31), 8.0),
        (dt.date(2026, 3, 1), 8.0),
    ],
)
def test_amount_runs_pro_rata_from_zero(on, expected):
    incubators = TargetSpec(kind=Kind.AMOUNT, value=8, unit="家", **YEAR)
    assert expected_value(incubators, on) == pytest.approx(expected)


def test_level_runs_from_baseline_to_goal():
    intensity = TargetSpec(kind=Kind.LEVEL, value=2.1, baseline_value=2.0, baseline_year=2024, **YEAR)
    assert expected_value(intensity, MID_YEAR) == pytest.approx(2.05)
    assert expected_value(intensity, dt.date(2025, 1, 1)) == pytest.approx(2.0)


def test_level_without_baseline_is_a_level_to_hold():
    intensity = TargetSpec(kind=Kind.LEVEL, value=2.1, **YEAR)
    assert expected_value(intensity, dt.date(2025, 1, 1)) == pytest.approx(2.1)
    assert expected_value(intensity, MID_YEAR) == pytest.approx(2.1)


@pytest.mark.parametrize(
    ("direction", "mid", "end"),
    [(Direction.INCREASE, 210.0, 220.0), (Direction.DECREASE, 195.0, 190.0)],
)
def test_growth_is_linear_against_the_baseline(direction, mid, end):
    rate = 10 if direction is Direction.INCREASE else 5
    growth = TargetSpec(
        kind=Kind.GROWTH, value=rate, direction=direction, baseline_value=200, baseline_year=2024, **YEAR
    )
    assert expected_value(growth, MID_YEAR) == pytest.approx(mid)
    assert expected_value(growth, dt.date(2025, 12, 31)) == pytest.approx(end)


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, 0.0), (10, 0.4), (25, 1.0), (40, 3.4), (50, 5.0), (75, 6.5), (100, 8.0)],
)
def test_milestones_make_the_path_piecewise_linear(n, expected):
    target = spec(value=8, milestones=(Milestone(day(25), 1), Milestone(day(50), 5)))
    assert expected_value(target, day(n)) == pytest.approx(expected)


def test_milestones_on_the_period_ends_override_start_and_goal():
    target = spec(value=8, milestones=(Milestone(START, 2), Milestone(END, 10)))
    assert expected_value(target, START) == pytest.approx(2)
    assert expected_value(target, day(50)) == pytest.approx(6)
    assert expected_value(target, END) == pytest.approx(10)


@pytest.mark.parametrize(("n", "fraction"), [(-5, 0.0), (0, 0.0), (30, 0.3), (100, 1.0), (130, 1.0)])
def test_elapsed_fraction_is_clamped(n, fraction):
    assert elapsed_fraction(spec(), day(n)) == pytest.approx(fraction)


@pytest.mark.parametrize(
    "fields",
    [
        {"period_end": START},
        {"kind": Kind.GROWTH},
        {"comparator": "range", "value_max": 50},
        {"weight": -1},
        {"milestones": (Milestone(day(50), 5), Milestone(day(25), 1))},
        {"milestones": (Milestone(day(101), 5),)},
    ],
)
def test_inconsistent_specs_are_refused(fields):
    base = {"kind": Kind.AMOUNT, "value": 100.0, "period_start": START, "period_end": END}
    with pytest.raises(ValueError):
        TargetSpec(**(base | fields))
