"""Plain data the parser produces: document → plans → outline nodes → targets and responsibility.

These are deliberately dumb dataclasses: the `plans` app maps them onto its models in one transaction,
the CLI prints them, and tests compare them. `to_dict()` gives the JSON shape the CLI and the scorer read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .numbers import magnitude


@dataclass
class Target:
    """One quantitative commitment read from a clause (see the annotation guideline).

    `value` is the number as written (10 for 10万人次, with `unit` "万人次"); `value_max` is set only for
    ranges. `quote` is the verbatim sentence the target was read from, `evidence` the shortest span that
    holds the indicator and the number.
    """

    metric: str
    action: str
    kind: str  # amount | level | growth
    comparator: str  # = > >= < <= ~ range
    value: float
    value_max: float | None
    unit: str
    year: int | None
    quote: str
    evidence: str = ""
    firmness: str = "plain"  # firm (确保) | aspirational (力争, 争取) | plain
    recurrence: str = "once"  # once | per-year (每年, 年均)

    def plain(self) -> dict[str, Any]:
        """Value, maximum and unit with the magnitude folded in (10 万人次 → 100000 人次), for tracking."""
        factor, unit = magnitude(self.unit)
        top = None if self.value_max is None else _plain_number(self.value_max * factor)
        return {"value": _plain_number(self.value * factor), "value_max": top, "unit": unit}

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "action": self.action,
            "kind": self.kind,
            "comparator": self.comparator,
            "value": _plain_number(self.value),
            "value_max": _plain_number(self.value_max),
            "unit": self.unit,
            "year": self.year,
            "quote": self.quote,
            "evidence": self.evidence,
            "firmness": self.firmness,
            "recurrence": self.recurrence,
            "plain": self.plain(),
        }


@dataclass
class Responsibility:
    """Who answers for an item: responsible persons, lead units, supporting units, and a deadline."""

    persons: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    deadline: str = ""

    def is_empty(self) -> bool:
        return not (self.persons or self.lead or self.support or self.deadline)

    def to_dict(self) -> dict[str, Any]:
        return {
            "persons": list(self.persons),
            "lead": list(self.lead),
            "support": list(self.support),
            "deadline": self.deadline,
        }


@dataclass
class OutlineNode:
    """A Part / Chapter / Section / Item of a plan, with its number as written ("一、", "(三)", "2.")."""

    kind: str  # part | chapter | section | item
    number: str
    heading: str
    body: str = ""
    level: int = 1
    children: list[OutlineNode] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    responsibility: Responsibility | None = None
    columns: dict[str, str] = field(default_factory=dict)  # table cells by header, for table rows

    def walk(self):
        """This node and all its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "number": self.number,
            "heading": self.heading,
            "body": self.body,
            "level": self.level,
            "children": [c.to_dict() for c in self.children],
            "targets": [t.to_dict() for t in self.targets],
        }
        if self.responsibility is not None:
            out["responsibility"] = self.responsibility.to_dict()
        if self.columns:
            out["columns"] = dict(self.columns)
        return out


@dataclass
class WorkPlan:
    """One plan of a document; a file may hold several (collections of 工作要点 are common)."""

    title: str
    issuer: str = ""
    year: int | None = None
    period: tuple[int, int] | None = None
    preamble: str = ""
    targets: list[Target] = field(default_factory=list)  # targets stated in the preamble
    outline: list[OutlineNode] = field(default_factory=list)

    def nodes(self):
        """Every outline node of the plan, depth first."""
        for node in self.outline:
            yield from node.walk()

    def all_targets(self) -> list[Target]:
        return [*self.targets, *(t for n in self.nodes() for t in n.targets)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "issuer": self.issuer,
            "year": self.year,
            "period": list(self.period) if self.period else None,
            "preamble": self.preamble,
            "targets": [t.to_dict() for t in self.targets],
            "outline": [n.to_dict() for n in self.outline],
        }


@dataclass
class ParsedDocument:
    """The parse of one uploaded file."""

    filename: str
    format: str  # txt | docx | pdf | html
    plans: list[WorkPlan] = field(default_factory=list)
    encoding: str = ""
    warnings: list[str] = field(default_factory=list)
    text: str = ""  # the document as read (one block a line), for showing targets in their source


    def to_dict(self) -> dict[str, Any]:
        return {
            "filename": self.filename,
            "format": self.format,
            "encoding": self.encoding,
            "warnings": list(self.warnings),
            "plans": [p.to_dict() for p in self.plans],
        }


def _plain_number(x: float | None) -> float | int | None:
    """10.0 → 10 so that JSON reads like the document."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 4)
