import math
from decimal import Decimal as D

import pytest

from kechuang.projects.domain.scoring import (
    Candidate,
    Criterion,
    Review,
    Rubric,
    flag_outliers,
    normalise_per_expert,
    rank_and_fund,
    score_applications,
    trimmed_mean,
)

RUBRIC = Rubric((
    Criterion("innovation", "Innovation", weight=40, max_points=10),
    Criterion("feasibility", "Feasibility", weight=30, max_points=20),
    Criterion("benefit", "Expected benefit", weight=30, max_points=5),
))


def test_rubric_total_is_weighted_share_of_each_maximum():
    # 100 * (40*8/10 + 30*15/20 + 30*4/5) / 100 = 32 + 22.5 + 24
    assert RUBRIC.total({"innovation": 8, "feasibility": 15, "benefit": 4}) == pytest.approx(78.5)


def test_rubric_refuses_missing_or_out_of_range_points():
    with pytest.raises(ValueError, match="not scored"):
        RUBRIC.total({"innovation": 8, "feasibility": 15})
    with pytest.raises(ValueError, match="outside"):
        RUBRIC.total({"innovation": 11, "feasibility": 15, "benefit": 4})


def test_normalisation_hand_computed():
    totals = {("x", "A"): 60.0, ("y", "A"): 70.0, ("z", "A"): 80.0, ("x", "B"): 80.0, ("y", "B"): 90.0}
    # Round: mean 76, population variance (256+36+16+16+196)/5 = 104.
    # A: mean 70, variance 200/3, so z(x) = -10/sqrt(200/3) = -sqrt(3/2); B: mean 85, sd 5, z = -1/+1.
    result = normalise_per_expert(totals, scale=100)
    assert result[("x", "A")] == pytest.approx(76 - math.sqrt(1.5 * 104))  # 63.51
    assert result[("y", "A")] == pytest.approx(76)
    assert result[("x", "B")] == pytest.approx(76 - math.sqrt(104))  # 65.80
    assert result[("y", "B")] == pytest.approx(76 + math.sqrt(104))  # 86.20
    # Raw, lenient B's best (90) beat strict A's best (80); normalised, A's best is higher (88.49 > 86.20).
    assert result[("z", "A")] == pytest.approx(76 + math.sqrt(1.5 * 104))
    assert result[("z", "A")] > result[("y", "B")]


def test_normalisation_edge_cases():
    totals = {("x", "solo"): 91.0, ("x", "flat"): 70.0, ("y", "flat"): 70.0, ("z", "other"): 40.0,
              ("w", "other"): 99.0}
    result = normalise_per_expert(totals, scale=100)
    assert result[("x", "solo")] == 91.0  # one review: nothing to normalise against
    mean_all = (91 + 70 + 70 + 40 + 99) / 5
    assert result[("x", "flat")] == pytest.approx(mean_all)  # no spread: z = 0
    assert all(0 <= v <= 100 for v in result.values())


def test_trimmed_mean():
    assert trimmed_mean([95, 70, 72, 50, 74]) == pytest.approx(72)  # drops 95 and 50
    assert trimmed_mean([95, 70, 72, 50]) == pytest.approx(71.75)  # fewer than 5: plain mean
    assert trimmed_mean([95, 70, 72, 50, 74], trim=2) == pytest.approx(72)
    assert trimmed_mean([95, 70, 72, 50], min_count=4) == pytest.approx(71)


def test_outlier_by_points_gap():
    [outlier] = flag_outliers({"a": 80, "b": 82, "c": 78, "d": 40})
    assert (outlier.expert_id, outlier.others_mean) == ("d", pytest.approx(80))
    assert "40.0 points" in outlier.reason


def test_outlier_by_standard_deviations():
    # d: others 80, 81, 79 -> mean 80, sd sqrt(2/3) = 0.816; 6 points off is 7.3 sd.
    [outlier] = flag_outliers({"a": 80, "b": 81, "c": 79, "d": 86}, max_gap=None, max_sds=2)
    assert outlier.expert_id == "d"
    assert outlier.others_sd == pytest.approx(math.sqrt(2 / 3))
    assert flag_outliers({"a": 80, "b": 81, "c": 79, "d": 86}, max_gap=10, max_sds=None) == []


def test_score_applications_pipeline_without_normalisation():
    full = {"innovation": 10, "feasibility": 20, "benefit": 5}
    half = {"innovation": 5, "feasibility": 10, "benefit": 2.5}
    reviews = [Review("app", f"e{i}", half) for i in range(4)] + [Review("app", "e9", full)]
    [(app_id, result)] = score_applications(RUBRIC, reviews, normalise=False).items()
    assert app_id == "app" and result.reviews == 5
    assert result.score == pytest.approx(50)  # 100 and one 50 trimmed away
    assert [o.expert_id for o in result.outliers] == ["e9"]


def test_ranking_funds_down_to_the_cut_line():
    candidates = [
        Candidate("a", "T", 90, D(400_000)), Candidate("b", "T", 85, D(400_000)),
        Candidate("c", "T", 80, D(300_000)), Candidate("d", "T", 75, D(100_000)),
        Candidate("e", "T", 50, D(10_000)), Candidate("f", "U", 88, D(300_000)),
    ]
    ranking = rank_and_fund(candidates, {"T": D(1_000_000), "U": D(100_000)}, unit=D(10_000))
    t = ranking["T"]
    assert [(p.application_id, p.rank, p.proposed) for p in t.proposals] == [
        ("a", 1, D(400_000)), ("b", 2, D(400_000)), ("c", 3, D(200_000)), ("d", 4, D(0)), ("e", 5, D(0)),
    ]
    assert t.proposals[2].reason == (
        "cut from 300000 to 200000 yuan: the remaining budget covers 67% of the request"
    )
    assert "below the cut line" in t.proposals[3].reason  # would fit, but ranks below a cut application
    assert "below the pass mark" in t.proposals[4].reason
    assert (t.cut_line, t.remaining) == (80, D(0))
    u = ranking["U"]
    assert not u.proposals[0].funded and u.cut_line is None
    assert u.proposals[0].reason == (
        "not funded: 100000 yuan remain, less than 50% of the 300000 yuan requested"
    )


def test_ranking_ties_prefer_the_smaller_request():
    candidates = [Candidate("big", "T", 80, D(200)), Candidate("small", "T", 80, D(100))]
    ranking = rank_and_fund(candidates, {"T": D(100)})
    assert [(p.application_id, p.funded) for p in ranking["T"].proposals] == [("small", True), ("big", False)]


def test_ranking_reasons_are_templates_with_parameters_for_translation():
    from kechuang.projects.domain import scoring
    from tests.core.test_i18n import marked_messages

    SCORING_STRINGS = marked_messages(scoring)

    ranking = rank_and_fund([Candidate("low", "T", 59.08, D(100)), Candidate("big", "T", 90, D(700_000))],
                            {"T": D(70_000)})
    big, low = ranking["T"].proposals
    assert big.template in SCORING_STRINGS and low.template in SCORING_STRINGS
    assert big.params == {"remaining": D(70_000), "min_share": "50%", "requested": D(700_000)}
    assert low.params == {"score": "59.08", "pass_mark": "60"}
    assert low.reason == "score 59.08 is below the pass mark 60"
