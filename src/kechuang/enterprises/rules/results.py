"""Result data: conditions with their numbers, score bands, gaps and overall verdicts.

Messages are English ``str.format`` templates with named placeholders plus their values, so the web
layer can pass the template through gettext and format the translation with the same values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import Any, NamedTuple

Number = Decimal | int


class Verdict(StrEnum):
    """Outcome of a condition or an assessment.

    ``BORDERLINE`` is for scored bands: the condition passes only if the experts score toward the upper
    end of the band. ``UNKNOWN`` means the data cannot decide (for example no sales figures).
    """

    PASS = "pass"
    BORDERLINE = "borderline"
    UNKNOWN = "unknown"
    FAIL = "fail"


_RANK = {Verdict.PASS: 0, Verdict.BORDERLINE: 1, Verdict.UNKNOWN: 2, Verdict.FAIL: 3}


def overall(verdicts: Iterable[Verdict]) -> Verdict:
    """FAIL beats UNKNOWN beats BORDERLINE beats PASS."""
    return max(verdicts, key=_RANK.__getitem__, default=Verdict.PASS)


class Band(NamedTuple):
    """Inclusive range of points the rules allow for a (sub-)item."""

    low: int
    high: int

    def capped(self, cap: int) -> Band:
        return Band(min(self.low, cap), min(self.high, cap))

    def verdict(self, threshold: int) -> Verdict:
        """Pass for certain, pass only at the upper end, or fail against ``threshold``."""
        if self.low >= threshold:
            return Verdict.PASS
        if self.high >= threshold:
            return Verdict.BORDERLINE
        return Verdict.FAIL


@dataclass(frozen=True, slots=True)
class Message:
    template: str
    params: dict[str, Any]

    @property
    def text(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True, slots=True)
class Condition:
    """One condition: the enterprise's own figure, the threshold, the verdict and a message.

    ``code`` is stable (``hte.rd_ratio``…) for storage and translation; ``actual`` and ``threshold`` are
    Decimal ratios, ints (persons, items, points) or :class:`Band` for scores; ``source`` cites the rule.
    """

    code: str
    verdict: Verdict
    actual: Number | Band | None
    threshold: Number | None
    message: Message
    source: str


@dataclass(frozen=True, slots=True)
class Gap:
    """What is missing for a failing condition, in the enterprise's own units.

    ``unit`` is one of ``yuan``, ``persons``, ``items``, ``points``, ``days``, ``percent`` or ``""``
    (for conditions without a number, such as the tech field).
    """

    code: str
    shortfall: Number | None
    unit: str
    message: Message


@dataclass(frozen=True, slots=True)
class ScoreItem:
    """One scored item of a points table (HTE innovation or tech-SME score)."""

    code: str
    band: Band
    maximum: int
    message: Message


class HteDetails(NamedTuple):
    conditions: tuple[Condition, ...]
    innovation: tuple[ScoreItem, ...]
    gaps: tuple[Gap, ...]


class SmeDetails(NamedTuple):
    conditions: tuple[Condition, ...]
    score_items: tuple[ScoreItem, ...]
    gaps: tuple[Gap, ...]


@dataclass(frozen=True)
class HteResult:
    """High-tech enterprise assessment under one rule set.

    ``verdicts`` maps each condition code to its verdict. The conditions with their messages, the
    scored items and the gaps are built on first access (``details``): a batch of 100,000 that only
    reads verdicts never pays for the messages.
    """

    enterprise_id: str
    rule_set: str
    verdict: Verdict
    verdicts: dict[str, Verdict]
    innovation_score: Band
    explain: Callable[[], HteDetails] = field(repr=False, compare=False)

    @cached_property
    def details(self) -> HteDetails:
        return self.explain()

    @property
    def conditions(self) -> tuple[Condition, ...]:
        return self.details.conditions

    @property
    def innovation(self) -> tuple[ScoreItem, ...]:
        return self.details.innovation

    @property
    def gaps(self) -> tuple[Gap, ...]:
        return self.details.gaps


@dataclass(frozen=True)
class SmeResult:
    """Tech-based SME evaluation under one rule set; ``direct_route`` names the route used, if any.

    Details are built on first access as for :class:`HteResult`.
    """

    enterprise_id: str
    rule_set: str
    verdict: Verdict
    verdicts: dict[str, Verdict]
    score: int
    direct_route: str | None
    explain: Callable[[], SmeDetails] = field(repr=False, compare=False)

    @cached_property
    def details(self) -> SmeDetails:
        return self.explain()

    @property
    def conditions(self) -> tuple[Condition, ...]:
        return self.details.conditions

    @property
    def score_items(self) -> tuple[ScoreItem, ...]:
        return self.details.score_items

    @property
    def gaps(self) -> tuple[Gap, ...]:
        return self.details.gaps


@dataclass(frozen=True, slots=True)
class Assessment:
    hte: HteResult
    sme: SmeResult
