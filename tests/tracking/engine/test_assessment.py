import pytest

from kechuang.tracking.engine import (
    AssessedTarget,
    Direction,
    Kind,
    ScoreRow,
    ScoringRule,
    assess,
)

from .factories import spec

INCUBATORS = spec(value=8)  # 新增孵化器8家
REVENUE = spec(Kind.GROWTH, 10, baseline_value=200)  # 增长10% → 220
ENERGY = spec(Kind.LEVEL, 80, baseline_value=100, direction=Direction.DECREASE)  # 降低到80
POINTS = {"incubators": 50, "revenue": 30, "energy": 20}


def _unit(incubators, revenue, energy):
    return [
        AssessedTarget("incubators", INCUBATORS, incubators),
        AssessedTarget("revenue", REVENUE, revenue),
        AssessedTarget("energy", ENERGY, energy),
    ]


RESULTS = {
    "西城": _unit(8, 220, None),  # 50 + 30 + 0 (missed report) = 80
    "北城": _unit(0, 200, 100),  # nothing achieved = 0
    "东城": _unit(10, 210, 85),  # 60 (1.25 capped at 1.2) + 15 (0.5) + 15 (0.75) = 90
    "南城": _unit(4, 230, 81),  # 25 (0.5) + 36 (1.5 capped) + 19 (0.95) = 80, tied with 西城
}


@pytest.mark.parametrize(
    ("ratio", "credit", "note"),
    [
        (-0.2, 0.0, "below floor 0"),  # moved the wrong way
        (0.0, 0.0, ""),
        (0.5, 0.5, ""),
        (1.0, 1.0, ""),
        (1.1, 1.1, "bonus +0.1"),
        (1.2, 1.2, "bonus +0.2"),
        (1.5, 1.2, "bonus +0.2, ratio capped at 1.2"),
    ],
)
def test_default_rule_is_linear_with_bonus_capped_at_1_2(ratio, credit, note):
    assert ScoringRule().credit(ratio) == (pytest.approx(credit), note)


@pytest.mark.parametrize(
    ("rule", "ratio", "credit"),
    [
        (ScoringRule(floor=0.6), 0.59, 0.0),
        (ScoringRule(floor=0.6), 0.6, 0.6),
        (ScoringRule(bonus_rate=0), 1.5, 1.0),
        (ScoringRule(cap=1.3, bonus_rate=0.5), 1.2, 1.1),
        (ScoringRule(cap=1.3, bonus_rate=0.5), 2.0, 1.15),
    ],
)
def test_floor_bonus_rate_and_cap(rule, ratio, credit):
    assert rule.credit(ratio)[0] == pytest.approx(credit)


def test_floor_is_explained():
    assert ScoringRule(floor=0.6).credit(0.5) == (0.0, "below floor 0.6")


@pytest.mark.parametrize("fields", [{"cap": 0.9}, {"floor": 1.5}, {"floor": -0.1}, {"bonus_rate": -1}])
def test_inconsistent_rules_are_refused(fields):
    with pytest.raises(ValueError):
        ScoringRule(**fields)


def test_units_are_ranked_with_ties_sharing_a_rank():
    table = assess(RESULTS, weights=POINTS)
    assert [(u.unit, u.rank, round(u.score, 6)) for u in table] == [
        ("东城", 1, 90.0),
        ("南城", 2, 80.0),  # tie: listed by name, same rank
        ("西城", 2, 80.0),
        ("北城", 4, 0.0),
    ]
    assert {u.full_marks for u in table} == {100}


def test_each_score_is_explained_target_by_target():
    east = assess(RESULTS, weights=POINTS)[0]
    assert east.rows == (
        ScoreRow("incubators", 50, 10, 8, 1.25, pytest.approx(60), "bonus +0.2, ratio capped at 1.2"),
        ScoreRow("revenue", 30, 210, pytest.approx(220), pytest.approx(0.5), pytest.approx(15), ""),
        ScoreRow("energy", 20, 85, 80, pytest.approx(0.75), pytest.approx(15), ""),
    )
    assert sum(row.points for row in east.rows) == pytest.approx(east.score)


def test_missed_report_scores_zero():
    west = next(u for u in assess(RESULTS, weights=POINTS) if u.unit == "西城")
    assert west.rows[2] == ScoreRow("energy", 20, None, 80, None, 0.0, "missed report")


def test_floor_changes_the_table():
    table = assess(RESULTS, weights=POINTS, rule=ScoringRule(floor=0.6))
    east = next(u for u in table if u.unit == "东城")
    assert east.rows[1].points == 0 and east.rows[1].note == "below floor 0.6"
    assert [(u.unit, u.rank, round(u.score, 6)) for u in table] == [
        ("西城", 1, 80.0),
        ("东城", 2, 75.0),
        ("南城", 3, 55.0),
        ("北城", 4, 0.0),
    ]


def test_weights_default_to_the_targets_own_weight():
    table = assess({"A": [AssessedTarget("t", spec(value=8, weight=5), 4)]})
    assert (table[0].score, table[0].full_marks) == (pytest.approx(2.5), 5)


def test_ranking_is_the_same_whatever_order_units_come_in():
    reversed_results = dict(reversed(list(RESULTS.items())))
    assert assess(reversed_results, weights=POINTS) == assess(RESULTS, weights=POINTS)
