from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from kechuang.enterprises.rules import REGISTRY, RuleRegistry, assess, rules_for
from kechuang.enterprises.rules.rev2023 import RULES_2023

from .factories import ON, enterprise


def test_the_2023_rule_set_is_in_force_from_its_first_day():
    assert rules_for(date(2023, 1, 1)) is RULES_2023
    assert rules_for(date(2030, 1, 1)) is RULES_2023


def test_no_rule_set_before_the_earliest():
    with pytest.raises(LookupError):
        rules_for(date(2022, 12, 31))


def test_a_later_revision_applies_from_its_date_and_the_old_one_before():
    registry = RuleRegistry()
    registry.add(RULES_2023)
    stricter = replace(
        RULES_2023,
        key="2026",
        effective_from=date(2026, 1, 1),
        hte=replace(RULES_2023.hte, st_staff_min=Decimal("0.35")),
    )
    registry.add(stricter)
    assert registry.rules_for(date(2025, 12, 31)) is RULES_2023
    assert registry.rules_for(date(2026, 1, 1)) is stricter
    old = assess(enterprise(), on=ON, rule_set=registry.rules_for(ON))
    new = assess(enterprise(), on=date(2026, 6, 30), rule_set=registry.rules_for(date(2026, 6, 30)))
    assert old.hte.verdicts["hte.st_staff"] == "pass"
    assert new.hte.verdicts["hte.st_staff"] == "fail"
    assert new.hte.rule_set == "2026"


def test_adding_in_any_order_keeps_dates_sorted():
    registry = RuleRegistry()
    later = replace(RULES_2023, key="2026", effective_from=date(2026, 1, 1))
    registry.add(later)
    registry.add(RULES_2023)
    assert registry.rules_for(date(2024, 1, 1)) is RULES_2023


def test_two_rule_sets_cannot_start_on_the_same_day():
    with pytest.raises(ValueError):
        REGISTRY.add(replace(RULES_2023, key="dup"))
