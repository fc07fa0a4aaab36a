"""Weighted roll-up of progress and status over the plan tree (target → item → chapter → plan).

Each node's progress is Σ wᵢ·pᵢ / Σ wᵢ over its children, a target's progress is its completion
ratio against the goal clamped to 0..1 (``measure.progress``). Progress values are fractions
(0.75 is 75%). The rules for awkward inputs are fixed here so every percentage can be explained:

* weights are normalised among the children that count; a zero weight counts for nothing;
* a child without data (progress None) is left out of both sums, so it neither drags the parent
  down nor props it up, and its parent reports it in ``missing``; pass ``missing_as_zero=True``
  to score it as 0% instead (stricter, for year-end);
* a node with no counting child, or whose counting weights sum to 0, has progress None.

Decidim's accountability module rolls up progress but not status, and its arithmetic has had bugs;
ours rolls up status counts too and is tested against hand-computed tables.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .measure import progress as target_progress
from .spec import Observation, TargetSpec
from .status import Status, evaluate


@dataclass(frozen=True, slots=True)
class Node:
    """A node of the tree; a node without children is a target (leaf)."""

    key: str
    weight: float = 1.0
    children: tuple[Node, ...] = ()
    progress: float | None = None  # leaves only: 0..1, None when there is no data
    status: Status = Status.NOT_STARTED  # leaves only
    unit: str = ""  # leaves only: the lead unit, for roll-ups by unit

    def __post_init__(self) -> None:
        if self.weight < 0:
            raise ValueError(f"negative weight on {self.key}")


@dataclass(frozen=True, slots=True)
class Rollup:
    """The rolled-up figures of one node, with its children's, for ``explain``."""

    key: str
    weight: float
    progress: float | None
    counts: dict[Status, int]  # leaves in the subtree by status, every status present
    missing: int  # children without data
    children: tuple[Rollup, ...] = ()
    missing_as_zero: bool = False


@dataclass(frozen=True, slots=True)
class ExplainRow:
    """One child's part in its parent's progress; contributions sum to the parent's progress."""

    key: str
    weight: float
    share: float  # weight / Σ weights of the counting children
    progress: float | None
    contribution: float  # share × progress
    note: str = field(default="")


def target_node(
    key: str, spec: TargetSpec, observations: Iterable[Observation], on: dt.date, *, unit: str = ""
) -> Node:
    """A leaf for a target evaluated on ``on``, weighted by ``spec.weight``."""
    result = evaluate(spec, observations, on)
    return Node(
        key, spec.weight, progress=target_progress(spec, result.actual), status=result.status, unit=unit
    )


def rollup(node: Node, *, missing_as_zero: bool = False) -> Rollup:
    """Roll ``node``'s subtree up into progress and status counts."""
    if not node.children:
        counts = dict.fromkeys(Status, 0)
        counts[node.status] = 1
        return Rollup(node.key, node.weight, node.progress, counts, 0, (), missing_as_zero)
    children = tuple(rollup(child, missing_as_zero=missing_as_zero) for child in node.children)
    return _combine(node.key, node.weight, children, missing_as_zero)


def explain(result: Rollup) -> list[ExplainRow]:
    """How each child of ``result`` contributes to its progress."""
    total = sum(child.weight for child in result.children if _counts(child, result.missing_as_zero))
    rows = []
    for child in result.children:
        counted = _counts(child, result.missing_as_zero)
        share = child.weight / total if counted and total > 0 else 0.0
        note = ""
        if child.progress is None:
            note = "no data, counted as 0" if counted else "no data, left out"
        elif child.weight == 0:
            note = "zero weight"
        rows.append(
            ExplainRow(child.key, child.weight, share, child.progress, share * (child.progress or 0.0), note)
        )
    return rows


def rollup_by_unit(root: Node, *, missing_as_zero: bool = False) -> dict[str, Rollup]:
    """Progress and status counts per lead unit over the targets of ``root``.

    A target's weight here is its effective weight in the plan: the product of its normalised
    weight shares (w / Σ sibling weights) along the path from ``root``, so a unit's figure weighs
    its targets as the plan does. The children of each unit's roll-up are its targets.
    """
    by_unit: dict[str, list[Rollup]] = defaultdict(list)
    for leaf, weight in _leaves(root, 1.0):
        by_unit[leaf.unit].append(
            rollup(
                Node(leaf.key, weight, progress=leaf.progress, status=leaf.status),
                missing_as_zero=missing_as_zero,
            )
        )
    return {
        unit: _combine(unit, 1.0, tuple(leaves), missing_as_zero) for unit, leaves in sorted(by_unit.items())
    }


def _leaves(node: Node, weight: float) -> Iterator[tuple[Node, float]]:
    if not node.children:
        yield node, weight
        return
    total = sum(child.weight for child in node.children)
    for child in node.children:
        yield from _leaves(child, weight * child.weight / total if total > 0 else 0.0)


def _counts(child: Rollup, missing_as_zero: bool) -> bool:
    return child.progress is not None or missing_as_zero


def _combine(key: str, weight: float, children: tuple[Rollup, ...], missing_as_zero: bool) -> Rollup:
    counts = dict.fromkeys(Status, 0)
    for child in children:
        for status, count in child.counts.items():
            counts[status] += count
    counted = [child for child in children if _counts(child, missing_as_zero)]
    total = sum(child.weight for child in counted)
    progress = (
        sum(child.weight * (child.progress or 0.0) for child in counted) / total
        if counted and total > 0
        else None
    )
    missing = sum(1 for child in children if child.progress is None)
    return Rollup(key, weight, progress, counts, missing, children, missing_as_zero)
