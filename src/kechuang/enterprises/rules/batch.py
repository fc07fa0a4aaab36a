"""Assessing one or many enterprises against the rule set in force on a date."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .hte import assess_hte
from .model import Enterprise
from .registry import rules_for
from .results import Assessment
from .ruleset import RuleSet
from .sme import assess_sme


def assess(enterprise: Enterprise, *, on: date, rule_set: RuleSet | None = None) -> Assessment:
    """HTE and tech-SME results for one enterprise on ``on``."""
    rules = rule_set or rules_for(on)
    return Assessment(assess_hte(enterprise, on, rules), assess_sme(enterprise, on, rules))


def assess_many(
    enterprises: Iterable[Enterprise], *, on: date, rule_set: RuleSet | None = None
) -> list[Assessment]:
    """Assess every enterprise on the same date; the rule set is looked up once."""
    rules = rule_set or rules_for(on)
    return [Assessment(assess_hte(e, on, rules), assess_sme(e, on, rules)) for e in enterprises]
