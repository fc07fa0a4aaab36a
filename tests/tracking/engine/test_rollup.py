import pytest

from kechuang.tracking.engine import (
    Direction,
    Kind,
    Node,
    Status,
    explain,
    progress,
    rollup,
    rollup_by_unit,
    target_node,
)

from .factories import day, spec

S = Status

# Hand-computed table (weights in brackets, progress after the colon):
# plan
# ├─ ch1 [2]                          (0.625·1 + 0.2·1) / 2          = 0.4125
# │  ├─ item1.1 [1]                   (1.0·1 + 0.5·3) / 4            = 0.625
# │  │  ├─ t1 [1]: 1.0 achieved  (unit A)
# │  │  └─ t2 [3]: 0.5 at_risk   (unit A)
# │  └─ item1.2 [1]                   single child                    = 0.2
# │     └─ t3 [2]: 0.2 behind    (unit B)
# └─ ch2 [1]                          (0.8·1 + 0.9·0) / (1 + 0)       = 0.8   (t4 left out: no data)
#    ├─ t4 [1]: no data, not_started (unit B)
#    ├─ t5 [0]: 0.9 on_track (unit A)
#    └─ t6 [1]: 0.8 on_track (unit C)
# plan                                (0.4125·2 + 0.8·1) / 3         = 0.541666…
PLAN = Node(
    "plan",
    children=(
        Node(
            "ch1",
            2,
            children=(
                Node(
                    "item1.1",
                    1,
                    children=(
                        Node("t1", 1, progress=1.0, status=S.ACHIEVED, unit="A"),
                        Node("t2", 3, progress=0.5, status=S.AT_RISK, unit="A"),
                    ),
                ),
                Node("item1.2", 1, children=(Node("t3", 2, progress=0.2, status=S.BEHIND, unit="B"),)),
            ),
        ),
        Node(
            "ch2",
            1,
            children=(
                Node("t4", 1, progress=None, status=S.NOT_STARTED, unit="B"),
                Node("t5", 0, progress=0.9, status=S.ON_TRACK, unit="A"),
                Node("t6", 1, progress=0.8, status=S.ON_TRACK, unit="C"),
            ),
        ),
    ),
)


def _by_key(result):
    found = {result.key: result}
    for child in result.children:
        found |= _by_key(child)
    return found


@pytest.mark.parametrize(
    ("key", "expected"),
    [("item1.1", 0.625), ("item1.2", 0.2), ("ch1", 0.4125), ("ch2", 0.8), ("plan", 1.625 / 3)],
)
def test_progress_matches_the_hand_computed_table(key, expected):
    assert _by_key(rollup(PLAN))[key].progress == pytest.approx(expected)


@pytest.mark.parametrize(("key", "expected"), [("ch1", 0.4125), ("ch2", 0.4), ("plan", 1.225 / 3)])
def test_missing_data_can_count_as_zero(key, expected):
    assert _by_key(rollup(PLAN, missing_as_zero=True))[key].progress == pytest.approx(expected)


def test_status_counts_per_node():
    nodes = _by_key(rollup(PLAN))
    assert nodes["plan"].counts == {
        S.NOT_STARTED: 1,
        S.ON_TRACK: 2,
        S.AT_RISK: 1,
        S.BEHIND: 1,
        S.ACHIEVED: 1,
        S.MISSED: 0,
    }
    assert nodes["ch2"].counts[S.ON_TRACK] == 2
    assert nodes["ch2"].missing == 1
    assert nodes["plan"].missing == 0


def test_explain_gives_weight_share_and_contribution():
    rows = explain(rollup(PLAN))
    assert [(r.key, r.weight, r.share, r.contribution) for r in rows] == [
        ("ch1", 2, pytest.approx(2 / 3), pytest.approx(0.275)),
        ("ch2", 1, pytest.approx(1 / 3), pytest.approx(0.8 / 3)),
    ]
    assert sum(r.contribution for r in rows) == pytest.approx(rollup(PLAN).progress)


def test_explain_notes_missing_data_and_zero_weights():
    ch2 = _by_key(rollup(PLAN))["ch2"]
    assert [(r.key, r.share, r.progress, r.contribution, r.note) for r in explain(ch2)] == [
        ("t4", 0.0, None, 0.0, "no data, left out"),
        ("t5", 0.0, 0.9, 0.0, "zero weight"),
        ("t6", 1.0, 0.8, pytest.approx(0.8), ""),
    ]
    strict = _by_key(rollup(PLAN, missing_as_zero=True))["ch2"]
    first = explain(strict)[0]
    assert (first.share, first.note) == (0.5, "no data, counted as 0")


def test_degenerate_nodes_have_no_progress():
    all_zero = Node("x", children=(Node("a", 0, progress=0.5), Node("b", 0, progress=1.0)))
    no_data = Node("y", children=(Node("a", progress=None), Node("b", progress=None)))
    assert rollup(all_zero).progress is None
    assert rollup(no_data).progress is None
    assert rollup(no_data).missing == 2
    assert rollup(Node("leaf", progress=0.3)).progress == 0.3
    assert rollup(Node("solo", children=(Node("only", 5, progress=0.3),))).progress == pytest.approx(0.3)


def test_a_parent_with_no_data_is_missing_in_its_own_parent():
    plan = Node("p", children=(Node("empty", children=(Node("a"),)), Node("b", progress=0.6)))
    result = rollup(plan)
    assert (result.progress, result.missing) == (pytest.approx(0.6), 1)


def test_roll_up_by_unit_uses_effective_plan_weights():
    # effective weights: t1 2/3·1/2·1/4 = 1/12, t2 1/4, t5 0 (unit A); t3 1/3, t4 1/6 (B); t6 1/6 (C)
    units = rollup_by_unit(PLAN)
    assert list(units) == ["A", "B", "C"]
    assert units["A"].progress == pytest.approx((1 / 12 * 1.0 + 1 / 4 * 0.5) / (1 / 12 + 1 / 4))
    assert units["B"].progress == pytest.approx(0.2)
    assert units["B"].missing == 1
    assert units["C"].progress == pytest.approx(0.8)
    assert units["A"].counts[S.AT_RISK] == 1
    assert [r.key for r in explain(units["A"])] == ["t1", "t2", "t5"]


def test_negative_weights_are_refused():
    with pytest.raises(ValueError):
        Node("x", -1)


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [
        (spec(value=100), 40, 0.4),
        (spec(value=100), 130, 1.0),
        (spec(value=100), None, None),
        (spec(Kind.LEVEL, 80, baseline_value=100, direction=Direction.DECREASE), 90, 0.5),
        (spec(Kind.LEVEL, 80, baseline_value=100, direction=Direction.DECREASE), 75, 1.0),
        (spec(Kind.LEVEL, 80, baseline_value=100, direction=Direction.DECREASE), 105, 0.0),
        (spec(Kind.LEVEL, 35, direction=Direction.DECREASE), 40, 0.875),
        (spec(Kind.GROWTH, 10, baseline_value=200), 215, 0.75),
    ],
)
def test_target_progress_is_the_clamped_completion_ratio(target, actual, expected):
    assert progress(target, actual) == (None if expected is None else pytest.approx(expected))


def test_target_node_evaluates_the_target():
    node = target_node("t", spec(value=100, weight=3), [(day(50), 40)], day(50), unit="A")
    assert (node.weight, node.progress, node.status, node.unit) == (3, pytest.approx(0.4), S.AT_RISK, "A")
