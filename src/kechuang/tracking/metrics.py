"""Metrics the tracking app registers, and binding suggestions for targets.

``plans.target_count`` belongs to the plan module (it counts plan targets); it is registered here
because tracking is the first consumer and the plans app is not ours to change. ``tracking.manual``
stands for "no live source: the units' accepted reports give the value" and computes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from kechuang.core.metrics import Metric, registry
from kechuang.i18n import gettext_noop


@registry.register(
    "plans.target_count", label=gettext_noop("Plan targets"), unit="项", dimensions=("year", "status"),
    description="Quantified targets of the work plans, by target year and by current tracking status.",
    keywords=("目标", "指标", "任务"),
)
def target_count(year: int | None = None, status: str | None = None) -> int:
    from kechuang.plans.models import Target

    qs = Target.objects.all()
    if year:
        qs = qs.filter(year=int(year))
    if status:
        qs = qs.filter(assignment__snapshot__status=status)
    return qs.count()


@registry.register(
    "tracking.manual", label=gettext_noop("Manual reports"), unit="", dimensions=("region", "year"),
    description="No live data source: the lead unit's accepted progress reports give the actual value.",
    keywords=("填报", "手工"),
)
def manual(region: str | None = None, year: int | None = None) -> None:
    return None


@dataclass(frozen=True)
class Suggestion:
    metric: Metric
    score: int
    matched: tuple[str, ...]


def suggest_bindings(indicator: str, limit: int = 3) -> list[Suggestion]:
    """Metrics whose keywords or label occur in the target's indicator name, best first.

    A keyword found in the indicator scores its length (longer words say more: 高新技术企业 beats 企业);
    the generic manual metric is never suggested, it is the default.
    """
    found = []
    for metric in registry.all():
        if metric.code == "tracking.manual":
            continue
        words = tuple(w for w in (*metric.keywords, metric.label) if w and w in indicator)
        if words:
            found.append(Suggestion(metric, sum(len(w) for w in words), words))
    found.sort(key=lambda s: (-s.score, s.metric.code))
    return found[:limit]
