import pytest

from kechuang.tracking.engine import Comparator, Direction, Kind, Status, evaluate, goal_value, meets

from .factories import day, spec

AMOUNT = spec(value=100)  # expected 50 on day 50


@pytest.mark.parametrize(
    ("actual", "status"),
    [
        (60.0, Status.ON_TRACK),
        (50.0, Status.ON_TRACK),  # ratio 1.0: on the on-track threshold
        (49.99, Status.AT_RISK),
        (40.0, Status.AT_RISK),  # ratio 0.8: on the at-risk threshold
        (39.99, Status.BEHIND),
        (0.0, Status.BEHIND),
        (100.0, Status.ACHIEVED),  # done early
    ],
)
def test_amount_status_boundaries(actual, status):
    result = evaluate(AMOUNT, [(day(50), actual)], day(50))
    assert result.status is status
    assert result.expected == pytest.approx(50)


def test_status_carries_the_numbers_behind_it():
    result = evaluate(AMOUNT, [(day(20), 10), (day(50), 45)], day(60))
    assert (result.as_of, result.actual, result.expected, result.ratio) == (
        day(50),
        45,
        50,
        pytest.approx(0.9),
    )


def test_latest_observation_is_compared_with_the_expected_value_on_its_own_date():
    # Reported 50 on day 50 (on track then); on day 90 the report is stale but not behind.
    assert evaluate(AMOUNT, [(day(50), 50)], day(90)).status is Status.ON_TRACK


def test_observations_are_taken_in_date_order_whatever_order_they_come_in():
    assert evaluate(AMOUNT, [(day(60), 70), (day(30), 5)], day(70)).actual == 70


@pytest.mark.parametrize(
    ("observations", "on", "status"),
    [
        ([(day(10), 10)], day(-1), Status.NOT_STARTED),  # period not begun, whatever was reported
        ([], day(0), Status.NOT_STARTED),
        ([], day(100), Status.NOT_STARTED),  # last day: a report may still come
        ([], day(101), Status.MISSED),  # period over, nothing reported
        ([(day(-10), 100)], day(30), Status.NOT_STARTED),  # observations before the period do not count
        ([(day(101), 100)], day(110), Status.MISSED),  # nor those after it
        ([(day(0), 0)], day(0), Status.ON_TRACK),  # nothing expected yet
        ([(day(100), 99)], day(100), Status.AT_RISK),
        ([(day(100), 99)], day(101), Status.MISSED),
        ([(day(100), 100)], day(101), Status.ACHIEVED),
        ([(day(60), 100)], day(200), Status.ACHIEVED),
    ],
)
def test_period_edges(observations, on, status):
    assert evaluate(AMOUNT, observations, on).status is status


REDUCE_TO_80 = spec(Kind.LEVEL, 80, baseline_value=100, direction=Direction.DECREASE)  # expected 90 on day 50


@pytest.mark.parametrize(
    ("actual", "status"),
    [
        (85.0, Status.ON_TRACK),
        (90.0, Status.ON_TRACK),
        (92.0, Status.AT_RISK),  # (100-92)/(100-90) = 0.8
        (92.01, Status.BEHIND),
        (101.0, Status.BEHIND),
        (80.0, Status.ACHIEVED),
    ],
)
def test_decrease_level_with_baseline_runs_the_other_way(actual, status):
    assert evaluate(REDUCE_TO_80, [(day(50), actual)], day(50)).status is status


CEILING_35 = spec(Kind.LEVEL, 35, direction=Direction.DECREASE, comparator=Comparator.LE)


@pytest.mark.parametrize(
    ("actual", "status"),
    [
        (30.0, Status.ACHIEVED),
        (35.0, Status.ACHIEVED),
        (40.0, Status.AT_RISK),
        (43.75, Status.AT_RISK),
        (44.0, Status.BEHIND),
    ],
)
def test_decrease_ceiling_without_baseline(actual, status):
    # ratio = 35 / actual: 35 / 43.75 = 0.8 exactly
    assert evaluate(CEILING_35, [(day(50), actual)], day(50)).status is status


GROWTH_10 = spec(Kind.GROWTH, 10, baseline_value=200, baseline_year=2024)  # expected 210 on day 50


@pytest.mark.parametrize(
    ("actual", "status"),
    [(210.0, Status.ON_TRACK), (208.0, Status.AT_RISK), (207.99, Status.BEHIND), (220.0, Status.ACHIEVED)],
)
def test_growth_is_measured_on_the_change_from_the_baseline(actual, status):
    # 208 is 8% of a planned 10% by mid-period: ratio (208-200)/(210-200) = 0.8
    assert evaluate(GROWTH_10, [(day(50), actual)], day(50)).status is status


def test_growth_decrease_against_baseline():
    down_5 = spec(Kind.GROWTH, 5, baseline_value=200, direction=Direction.DECREASE)  # expected 195 on day 50
    assert evaluate(down_5, [(day(50), 196)], day(50)).status is Status.AT_RISK
    assert evaluate(down_5, [(day(50), 194)], day(50)).status is Status.ON_TRACK
    assert evaluate(down_5, [(day(100), 190)], day(101)).status is Status.ACHIEVED
    assert evaluate(down_5, [(day(100), 191)], day(101)).status is Status.MISSED


@pytest.mark.parametrize(
    ("target", "goal", "reached", "short"),
    [
        (spec(value=8, comparator=Comparator.GE), 8, 8, 7.99),
        (spec(value=8, comparator=Comparator.EQ), 8, 8, 7.99),
        (spec(value=8, comparator=Comparator.GT), 8, 9, 8),
        (spec(value=100, comparator=Comparator.APPROX), 100, 95, 94.9),
        (spec(Kind.LEVEL, 2.1, comparator=Comparator.RANGE, value_max=2.3), 2.1, 2.1, 2.09),
        (
            spec(Kind.LEVEL, 30, comparator=Comparator.RANGE, value_max=35, direction=Direction.DECREASE),
            35,
            35,
            35.1,
        ),
        (spec(Kind.LEVEL, 35, comparator=Comparator.LT, direction=Direction.DECREASE), 35, 34.9, 35),
        (spec(Kind.GROWTH, 8, comparator=Comparator.RANGE, value_max=10, baseline_value=50), 54, 54, 53.9),
        (
            spec(Kind.GROWTH, 10, comparator=Comparator.GE, baseline_value=200, direction=Direction.DECREASE),
            180,
            180,
            181,
        ),
        (spec(Kind.GROWTH, 10, baseline_value=200), 220, 220, 219.9),  # 200 × 1.1 is 220.00000000000003
    ],
)
def test_comparators_decide_when_the_goal_is_reached(target, goal, reached, short):
    assert goal_value(target) == pytest.approx(goal)
    assert meets(target, reached)
    assert not meets(target, short)


def test_codes_are_stable():
    assert [s.value for s in Status] == ["not_started", "on_track", "at_risk", "behind", "achieved", "missed"]
