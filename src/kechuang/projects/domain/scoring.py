"""Expert review scores: rubric totals, per-expert normalisation, trimmed means and outliers.

Experts differ in how strictly they mark: one gives 60 to 80, another 80 to 95 for the same quality.
Normalisation puts them on one footing before scores are combined (see :func:`normalise_per_expert`);
the trimmed mean and the outlier flag then blunt a single reviewer's extreme view.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kechuang.i18n import gettext_noop

ReviewKey = tuple[str, str]  # (application id, expert id)


@dataclass(frozen=True)
class Criterion:
    code: str
    label: str
    weight: float
    max_points: float


@dataclass(frozen=True)
class Rubric:
    """Criteria with weights and maxima; totals are on 0..``scale`` whatever the criteria's maxima."""

    criteria: tuple[Criterion, ...]
    scale: float = 100.0

    def total(self, points: Mapping[str, float]) -> float:
        """``scale * sum(weight * points / max_points) / sum(weight)``; every criterion must be scored."""
        weights = sum(c.weight for c in self.criteria)
        acc = 0.0
        for c in self.criteria:
            if c.code not in points:
                raise ValueError(f"criterion {c.code} is not scored")
            value = points[c.code]
            if not 0 <= value <= c.max_points:
                raise ValueError(f"criterion {c.code}: {value} is outside 0..{c.max_points}")
            acc += c.weight * value / c.max_points
        return self.scale * acc / weights


@dataclass(frozen=True)
class Review:
    application_id: str
    expert_id: str
    points: Mapping[str, float]


def review_totals(rubric: Rubric, reviews: Sequence[Review]) -> dict[ReviewKey, float]:
    return {(r.application_id, r.expert_id): rubric.total(r.points) for r in reviews}


def normalise_per_expert(totals: Mapping[ReviewKey, float], scale: float, min_reviews: int = 2
                         ) -> dict[ReviewKey, float]:
    """Put every expert's scores on the round's common scale.

    For each expert, each total becomes a z-score against that expert's own mean and population
    standard deviation over the applications it reviewed: ``z = (x - mean_e) / sd_e``. The z-score is
    mapped back onto the rubric's range with the mean and population standard deviation of *all* raw
    totals of the round: ``normalised = mean_all + z * sd_all``, clipped to ``0..scale``. So a strict
    expert's best application and a lenient expert's best land at the same height, and the results
    still read as rubric points.

    Two cases keep a defined meaning: an expert with fewer than ``min_reviews`` reviews has no spread
    to measure, so its raw totals are kept; an expert who gave every application the same total did
    not discriminate between them, so each of its totals becomes the round mean (z = 0).
    """
    if not totals:
        return {}
    values = list(totals.values())
    mean_all = statistics.fmean(values)
    sd_all = statistics.pstdev(values)
    by_expert: dict[str, list[ReviewKey]] = defaultdict(list)
    for key in totals:
        by_expert[key[1]].append(key)
    result: dict[ReviewKey, float] = {}
    for keys in by_expert.values():
        mine = [totals[k] for k in keys]
        if len(mine) < min_reviews:
            result.update((k, totals[k]) for k in keys)
            continue
        mean_e, sd_e = statistics.fmean(mine), statistics.pstdev(mine)
        for k in keys:
            z = (totals[k] - mean_e) / sd_e if sd_e > 0 else 0.0
            result[k] = min(scale, max(0.0, mean_all + z * sd_all))
    return result


def trimmed_mean(scores: Sequence[float], trim: int = 1, min_count: int = 5) -> float:
    """Mean after dropping the ``trim`` highest and ``trim`` lowest scores, once there are ``min_count``."""
    if not scores:
        raise ValueError("no scores")
    ordered = sorted(scores)
    if len(ordered) >= min_count and len(ordered) > 2 * trim:
        ordered = ordered[trim:len(ordered) - trim]
    return statistics.fmean(ordered)


@dataclass(frozen=True)
class Outlier:
    expert_id: str
    score: float
    others_mean: float
    others_sd: float
    reason: str


def flag_outliers(scores: Mapping[str, float], max_gap: float | None = 20.0, max_sds: float | None = 2.0
                  ) -> list[Outlier]:
    """Scores of one application lying more than ``max_gap`` points, or more than ``max_sds`` standard
    deviations, from the mean of the *other* experts' scores (leaving the score out of its own
    yardstick, so a lone extreme score cannot hide by pulling the mean towards itself).

    The deviation test needs at least two other scores with a non-zero spread.
    """
    found = []
    for expert_id, score in scores.items():
        others = [s for e, s in scores.items() if e != expert_id]
        if not others:
            continue
        mean = statistics.fmean(others)
        sd = statistics.pstdev(others) if len(others) > 1 else 0.0
        gap = abs(score - mean)
        if max_gap is not None and gap > max_gap:
            reason = f"{gap:.1f} points from the others' mean {mean:.1f} (limit {max_gap:g})"
        elif max_sds is not None and sd > 0 and gap > max_sds * sd:
            reason = (f"{gap / sd:.1f} standard deviations from the others' mean {mean:.1f} "
                      f"(limit {max_sds:g})")
        else:
            continue
        found.append(Outlier(expert_id, score, mean, sd, reason))
    return found


@dataclass(frozen=True)
class ApplicationScore:
    application_id: str
    score: float  # trimmed mean of the (normalised) totals
    reviews: int
    outliers: tuple[Outlier, ...]


def score_applications(
    rubric: Rubric,
    reviews: Sequence[Review],
    *,
    normalise: bool = True,
    trim: int = 1,
    trim_min: int = 5,
    max_gap: float | None = 20.0,
    max_sds: float | None = 2.0,
) -> dict[str, ApplicationScore]:
    """Rubric totals → per-expert normalisation → trimmed mean per application, with outliers flagged."""
    totals = review_totals(rubric, reviews)
    if normalise:
        totals = normalise_per_expert(totals, rubric.scale)
    by_app: dict[str, dict[str, float]] = defaultdict(dict)
    for (app_id, expert_id), value in totals.items():
        by_app[app_id][expert_id] = value
    return {
        app_id: ApplicationScore(
            app_id,
            trimmed_mean(list(scores.values()), trim, trim_min),
            len(scores),
            tuple(flag_outliers(scores, max_gap, max_sds)),
        )
        for app_id, scores in by_app.items()
    }


@dataclass(frozen=True)
class Candidate:
    application_id: str
    topic: str
    score: float
    requested: Decimal


@dataclass(frozen=True)
class AwardProposal:
    """One application's place in its topic's ranking and what it is proposed to get, with why.

    The why is an English ``template`` with named ``params`` (as a ``Violation`` carries it), so the web
    layer can translate the template and format the amounts before filling it in; ``reason`` is the
    English text, for logs and tests.
    """

    application_id: str
    rank: int  # 1 = best within its topic
    score: float
    requested: Decimal
    proposed: Decimal  # 0 when not funded
    funded: bool
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class TopicRanking:
    topic: str
    budget: Decimal
    proposals: tuple[AwardProposal, ...]
    cut_line: float | None  # score of the last funded application; None when none is funded
    remaining: Decimal


# Why an application is (or is not) proposed for funding; amounts are yuan, shares are "67%"-style text.
BELOW_PASS_MARK = gettext_noop("score {score} is below the pass mark {pass_mark}")
BELOW_CUT_LINE = gettext_noop("below the cut line: the topic's budget is used up")
FUNDED_IN_FULL = gettext_noop("funded in full")
CUT = gettext_noop("cut from {requested} to {proposed} yuan: the remaining budget covers {share} of the request")
NOT_FUNDED = gettext_noop(
    "not funded: {remaining} yuan remain, less than {min_share} of the {requested} yuan requested")


def rank_and_fund(
    candidates: Sequence[Candidate],
    budgets: Mapping[str, Decimal],
    *,
    pass_mark: float = 60.0,
    min_share: Decimal = Decimal("0.5"),
    unit: Decimal = Decimal(1),
) -> dict[str, TopicRanking]:
    """Rank each topic's applications and fund them down the list until the topic's budget runs out.

    Order: score, then the smaller request, then the application id (so ties are stable and cheap
    first). Walking down the list, an application below ``pass_mark`` is not funded; one that fits is
    funded in full; the first that does not fit gets what is left, rounded down to ``unit``, when that
    is at least ``min_share`` of its request (a cut), and otherwise nothing. That application marks
    the cut line: everything below it is out, even a smaller request that would fit, because skipping
    a better-ranked application to fund a worse one would overturn the experts' ranking.
    """
    by_topic: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_topic[c.topic].append(c)
    result = {}
    for topic, items in by_topic.items():
        budget = budgets.get(topic, Decimal(0))
        remaining = budget
        cut_line: float | None = None
        budget_exhausted = False
        proposals = []
        ordered = sorted(items, key=lambda c: (-c.score, c.requested, c.application_id))
        for rank, c in enumerate(ordered, start=1):
            proposed = Decimal(0)
            params: dict[str, Any] = {}
            if c.score < pass_mark:
                template = BELOW_PASS_MARK
                params = {"score": f"{c.score:.2f}", "pass_mark": f"{pass_mark:g}"}
            elif budget_exhausted:
                template = BELOW_CUT_LINE
            elif c.requested <= remaining:
                proposed, template = c.requested, FUNDED_IN_FULL
            else:
                budget_exhausted = True
                partial = (remaining // unit) * unit
                if partial > 0 and partial >= c.requested * min_share:
                    proposed, template = partial, CUT
                    params = {"requested": c.requested, "proposed": partial,
                              "share": f"{partial / c.requested:.0%}"}
                else:
                    template = NOT_FUNDED
                    params = {"remaining": remaining, "min_share": f"{min_share:.0%}", "requested": c.requested}
            if proposed > 0:
                remaining -= proposed
                cut_line = c.score
            proposals.append(AwardProposal(c.application_id, rank, c.score, c.requested, proposed,
                                           proposed > 0, template, params))
        result[topic] = TopicRanking(topic, budget, tuple(proposals), cut_line, remaining)
    return result
