"""Dated rule sets: the set in force on a day, refusals at registration that name what is wrong."""

from datetime import date

import pytest

import kechuang.enterprises.rules  # noqa: F401 - registers the enterprise domains
from kechuang.core import rulesets
from kechuang.core.rulesets import (
    NoRuleSetInForce,
    RuleSet,
    RuleSetRegistrationError,
    RuleSetRegistry,
    Source,
)

SRC = (Source("国科发火〔2026〕1号", "第三条"),)


def rs(id_: str, start: date, end: date | None = None, **params: int) -> RuleSet[dict[str, int]]:
    return RuleSet(id=id_, effective_from=start, effective_to=end, params=params, sources=SRC)


@pytest.fixture
def contracts() -> RuleSetRegistry[dict[str, int]]:
    """Technology-contract rules: the national rules change on 2026-03-01."""
    registry: RuleSetRegistry[dict[str, int]] = RuleSetRegistry("techmarket.contracts")
    registry.register(rs("2018", date(2018, 1, 1), date(2026, 2, 28), min_amount=0))
    registry.register(rs("2026", date(2026, 3, 1), min_amount=10_000))
    return registry


@pytest.mark.parametrize(("on", "expected"), [
    (date(2018, 1, 1), "2018"),     # first day of the first set
    (date(2026, 2, 28), "2018"),    # last day of the old set (a leap year would have 29; 2026 is not)
    (date(2026, 3, 1), "2026"),     # the boundary day: the new set
    (date(2040, 7, 1), "2026"),     # open-ended newest set
])
def test_a_case_is_judged_by_the_set_in_force_on_its_own_date(contracts, on, expected):
    assert contracts.in_force(on).id == expected


def test_the_parameters_travel_with_the_set(contracts):
    assert contracts.in_force(date(2026, 3, 1)).params == {"min_amount": 10_000}
    assert contracts.in_force(date(2026, 2, 28)).params == {"min_amount": 0}


def test_a_date_before_any_set_gets_a_message_naming_the_first_day(contracts):
    with pytest.raises(NoRuleSetInForce) as caught:
        contracts.in_force(date(2017, 12, 31))
    assert str(caught.value) == "No rules were in force on 2017-12-31: the earliest (2018) apply from 2018-01-01."
    assert caught.value.params["domain"] == "techmarket.contracts"


def test_a_date_after_a_closed_last_set_is_not_answered_by_it():
    registry: RuleSetRegistry[dict[str, int]] = RuleSetRegistry("carriers.evaluation")
    registry.register(rs("2020", date(2020, 1, 1), date(2024, 12, 31)))
    assert registry.in_force(date(2024, 12, 31)).id == "2020"
    with pytest.raises(NoRuleSetInForce, match="ended on 2024-12-31"):
        registry.in_force(date(2025, 1, 1))


def test_an_empty_domain_says_nothing_is_registered():
    with pytest.raises(NoRuleSetInForce, match="none are registered yet") as caught:
        RuleSetRegistry("policies.items").in_force(date(2025, 1, 1))
    assert caught.value.params["domain"] == "policies.items"


def test_an_overlap_is_refused_naming_both_sets_and_the_day_the_earlier_must_end(contracts):
    registry: RuleSetRegistry[dict[str, int]] = RuleSetRegistry("techmarket.contracts")
    registry.register(rs("2018", date(2018, 1, 1), date(2026, 3, 1)))  # one day too long
    with pytest.raises(RuleSetRegistrationError) as caught:
        registry.register(rs("2026", date(2026, 3, 1)))
    assert caught.value.params["earlier"] == "2018"
    assert caught.value.params["later"] == "2026"
    assert caught.value.params["day_before"] == "2026-02-28"
    assert "overlap" in str(caught.value)
    assert [s.id for s in registry] == ["2018"]


def test_an_open_ended_set_overlaps_any_later_one():
    registry: RuleSetRegistry[dict[str, int]] = RuleSetRegistry("integrity.measures")
    registry.register(rs("2019", date(2019, 1, 1)))
    with pytest.raises(RuleSetRegistrationError, match="must end on 2025-06-30"):
        registry.register(rs("2025", date(2025, 7, 1)))


def test_a_gap_is_refused_naming_the_days_without_rules():
    registry: RuleSetRegistry[dict[str, int]] = RuleSetRegistry("commissioners.assessment")
    registry.register(rs("2021", date(2021, 1, 1), date(2022, 12, 31)))
    with pytest.raises(RuleSetRegistrationError) as caught:
        registry.register(rs("2023", date(2023, 1, 2)))
    assert (caught.value.params["gap_from"], caught.value.params["gap_to"]) == ("2023-01-01", "2023-01-01")


def test_sets_may_be_registered_out_of_order_when_they_join_up():
    registry: RuleSetRegistry[dict[str, int]] = RuleSetRegistry("techmarket.contracts")
    registry.register(rs("2026", date(2026, 3, 1)))
    registry.register(rs("2018", date(2018, 1, 1), date(2026, 2, 28)))
    assert [s.id for s in registry] == ["2018", "2026"]
    assert registry.in_force(date(2026, 2, 28)).id == "2018"


def test_an_earlier_set_inserted_before_a_later_one_must_end_the_day_before_it():
    registry: RuleSetRegistry[dict[str, int]] = RuleSetRegistry("techmarket.contracts")
    registry.register(rs("2026", date(2026, 3, 1)))
    with pytest.raises(RuleSetRegistrationError, match="no rules are in force from 2025-01-01 to 2026-02-28"):
        registry.register(rs("2018", date(2018, 1, 1), date(2024, 12, 31)))


@pytest.mark.parametrize(("bad", "words"), [
    (rs("x", date(2025, 1, 2), date(2025, 1, 1)), "ends (2025-01-01) before it starts (2025-01-02)"),
    (RuleSet(id="y", effective_from=date(2025, 1, 1), params={}, sources=()), "names no source document"),
])
def test_a_malformed_set_is_refused_with_its_id(bad, words):
    with pytest.raises(RuleSetRegistrationError) as caught:
        RuleSetRegistry("policies.items").register(bad)
    assert words in str(caught.value)
    assert caught.value.params["id"] == bad.id


def test_a_duplicate_id_is_refused():
    registry: RuleSetRegistry[dict[str, int]] = RuleSetRegistry("policies.items")
    registry.register(rs("2024", date(2024, 1, 1), date(2024, 12, 31)))
    with pytest.raises(RuleSetRegistrationError, match="already registered"):
        registry.register(rs("2024", date(2025, 1, 1)))


def test_the_shared_registry_answers_by_domain_name_and_refuses_an_unknown_domain():
    assert rulesets.in_force("enterprises.hte", date(2024, 5, 1)).id == "2023"  # registered by the rules module
    assert "enterprises.tech_sme" in rulesets.domains()
    with pytest.raises(NoRuleSetInForce, match="none are registered") as caught:
        rulesets.in_force("no.such", date(2024, 5, 1))
    assert caught.value.params["domain"] == "no.such"


def test_a_source_reads_as_document_and_article():
    assert str(Source("国科发火〔2016〕32号", "第十一条")) == "国科发火〔2016〕32号 第十一条"
    assert str(Source("财政部 税务总局公告2023年第7号")) == "财政部 税务总局公告2023年第7号"
