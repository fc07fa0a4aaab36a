"""The default registry of rule sets; add a later revision here beside the older ones."""

from __future__ import annotations

from datetime import date

from .rev2023 import RULES_2023
from .ruleset import RuleRegistry, RuleSet

REGISTRY = RuleRegistry()
REGISTRY.add(RULES_2023)


def rules_for(on: date) -> RuleSet:
    """The rule set in force on ``on`` (raises LookupError before the earliest one)."""
    return REGISTRY.rules_for(on)
