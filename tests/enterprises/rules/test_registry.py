from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from kechuang.core.rulesets import NoRuleSetInForce, RuleSetRegistrationError, RuleSetRegistry
from kechuang.enterprises.rules import DEDUCTION_RULES, HTE_RULES, SME_RULES, RdExpenses, assess, super_deduction
from kechuang.enterprises.rules.rev2023 import HTE_2023, SME_2023

from .factories import ON, enterprise


def test_the_2023_sets_are_in_force_from_their_first_day():
    for registry in (HTE_RULES, SME_RULES, DEDUCTION_RULES):
        assert registry.in_force(date(2023, 1, 1)).id == "2023"
        assert registry.in_force(date(2030, 1, 1)).id == "2023"
    assert HTE_RULES.in_force(date(2023, 1, 1)) is HTE_2023


def test_each_enterprise_domain_is_registered_under_its_name():
    assert (HTE_RULES.domain, SME_RULES.domain, DEDUCTION_RULES.domain) == (
        "enterprises.hte", "enterprises.tech_sme", "enterprises.deduction")


def test_no_rule_set_before_the_earliest_and_the_message_says_from_when():
    with pytest.raises(NoRuleSetInForce) as caught:
        assess(enterprise(), on=date(2022, 12, 31))
    assert caught.value.params == {"domain": "enterprises.hte", "date": "2022-12-31", "id": "2023",
                                   "first": "2023-01-01"}
    assert isinstance(caught.value, LookupError)


def test_a_deduction_year_before_the_rules_is_refused_with_the_domain_named():
    with pytest.raises(NoRuleSetInForce) as caught:
        super_deduction(RdExpenses(personnel=1), tax_year=2022)
    assert caught.value.params["domain"] == "enterprises.deduction"


def test_a_later_revision_applies_from_its_date_and_the_old_one_up_to_the_day_before():
    registry = RuleSetRegistry("enterprises.hte")
    registry.register(replace(HTE_2023, effective_to=date(2025, 12, 31)))
    stricter = registry.register(replace(
        HTE_2023, id="2026", effective_from=date(2026, 1, 1),
        params=replace(HTE_2023.params, st_staff_min=Decimal("0.35"))))
    assert registry.in_force(date(2025, 12, 31)).id == "2023"
    assert registry.in_force(date(2026, 1, 1)) is stricter
    old = assess(enterprise(), on=ON, hte_rules=registry.in_force(ON))
    later = date(2026, 6, 30)
    new = assess(enterprise(), on=later, hte_rules=registry.in_force(later), sme_rules=SME_2023)
    assert old.hte.verdicts["hte.st_staff"] == "pass"
    assert new.hte.verdicts["hte.st_staff"] == "fail"
    assert (new.hte.rule_set, new.sme.rule_set) == ("2026", "2023")


def test_the_shared_domain_refuses_a_second_set_starting_on_the_same_day():
    with pytest.raises(RuleSetRegistrationError, match="overlap"):
        HTE_RULES.register(replace(HTE_2023, id="dup"))
    assert len(HTE_RULES) == 1
