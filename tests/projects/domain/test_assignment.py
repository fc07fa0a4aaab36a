from datetime import date

import pytest

from kechuang.projects.domain.assignment import assign_experts, field_match, validate_assignment
from kechuang.projects.domain.conflicts import (
    Application,
    Collaboration,
    Expert,
    conflicts,
    lookback_start,
)

ON = date(2025, 6, 15)
APP = Application(
    id="app-1", organisation_id="org-applicant", fields=("5202010",),
    cooperating_organisations=frozenset({"org-partner"}), person_ids=frozenset({"p-leader", "p-member"}),
)


def expert(id: str, org: str = "org-neutral", fields: tuple[str, ...] = ("5202010",), cap: int = 10, **kw):
    return Expert(id=id, organisation_id=org, fields=fields, cap=cap, **kw)


def test_field_match_prefers_exact_then_longer_prefix():
    assert field_match(["5202010"], ["5202010"]) == 1.0
    assert field_match(["5202020"], ["5202010"]) == 0.5  # same 5-digit second level
    assert field_match(["5203010"], ["5202010"]) == 0.25  # same 3-digit first level
    assert field_match(["52020"], ["5202010"]) == 0.5  # a coarser code on the expert's side
    assert field_match(["4101010"], ["5202010"]) == 0.0
    assert field_match(["4101010", "5203010"], ["1101010", "5202030"]) == 0.25


@pytest.mark.parametrize(
    ("rule", "conflicted"),
    [
        ("same_organisation", expert("e-bad", org="org-applicant")),
        ("cooperating_organisation", expert("e-bad", org="org-partner")),
        ("declared_organisation", expert("e-bad", declared_organisations=frozenset({"org-partner"}))),
        ("declared_person", expert("e-bad", declared_persons=frozenset({"p-member"}))),
        ("recent_collaboration",
         expert("e-bad", collaborations=(Collaboration("org-applicant", date(2022, 6, 15)),))),
        ("team_member", expert("p-leader")),
    ],
)
def test_each_conflict_rule_forces_another_expert(rule, conflicted):
    # The conflicted expert is the only perfect field match; the rule must still push it out.
    others = [expert(f"e-{i}", fields=("5209999",)) for i in range(2)]
    assert [c.rule for c in conflicts(conflicted, APP, ON)] == [rule]
    result = assign_experts([APP], [conflicted, *others], k=2, on=ON)
    assert sorted(result.assignments["app-1"]) == ["e-0", "e-1"]
    assert result.unstaffed == []


def test_collaboration_window_is_three_years_back_inclusive():
    assert lookback_start(ON) == date(2022, 6, 15)
    assert lookback_start(date(2024, 2, 29)) == date(2021, 2, 28)
    old = expert("e", collaborations=(Collaboration("org-applicant", date(2022, 6, 14)),))
    assert conflicts(old, APP, ON) == []


def test_best_field_match_wins_without_conflict():
    pool = [expert("exact"), expert("second", fields=("5202099",)), expert("first", fields=("5209999",)),
            expert("none", fields=("1101010",))]
    result = assign_experts([APP], pool, k=3, on=ON)
    assert result.assignments["app-1"] == ["exact", "second", "first"]
    assert result.match[("app-1", "exact")] == 1.0


def test_load_caps_are_respected_and_load_is_balanced():
    apps = [Application(id=f"a{i}", organisation_id=f"o{i}", fields=("5202010",)) for i in range(6)]
    pool = [expert("e-small", cap=1), expert("e-mid", cap=3), expert("e-big", cap=6), expert("e-big2", cap=6)]
    result = assign_experts(apps, pool, k=2, on=ON)
    assert result.unstaffed == []
    assert result.loads["e-small"] <= 1 and result.loads["e-mid"] <= 3
    assert sum(result.loads.values()) == 12
    # Balanced relative to cap: the two large experts share the rest evenly.
    assert abs(result.loads["e-big"] - result.loads["e-big2"]) <= 1
    assert validate_assignment(result.assignments, apps, pool, on=ON, k=2) == []


def test_unavailable_experts_are_not_used():
    pool = [expert("away", available=False), expert("here")]
    result = assign_experts([APP], pool, k=1, on=ON)
    assert result.assignments["app-1"] == ["here"]


def test_other_fields_fill_in_when_the_field_is_short():
    pool = [expert("same"), expert("far", fields=("1101010",))]
    result = assign_experts([APP], pool, k=2, on=ON)
    assert sorted(result.assignments["app-1"]) == ["far", "same"]
    assert result.match[("app-1", "far")] == 0.0


def test_unstaffable_application_is_reported_with_reason():
    pool = [expert("ok"), expert("bad", org="org-applicant"), expert("ok2", org="org-x")]
    result = assign_experts([APP], pool, k=3, on=ON)
    assert sorted(result.assignments["app-1"]) == ["ok", "ok2"]
    [short] = result.unstaffed
    assert (short.application_id, short.assigned, short.needed) == ("app-1", 2, 3)
    assert "only 2 available experts" in short.reason


def test_capacity_shortage_is_reported_not_broken():
    apps = [Application(id=f"a{i}", organisation_id=f"o{i}", fields=("5202010",)) for i in range(3)]
    result = assign_experts(apps, [expert("e1", cap=2), expert("e2", cap=2)], k=2, on=ON)
    assert max(result.loads.values()) == 2
    [short] = result.unstaffed
    assert "reached their load cap" in short.reason


def test_repair_swaps_to_staff_a_constrained_application():
    # "hard" can only use e-a (e-b conflicts); greedy order must not leave it short.
    hard = Application(id="hard", organisation_id="org-b", fields=("1101010",))
    easy = Application(id="easy", organisation_id="org-z", fields=("5202010",))
    pool = [expert("e-a", org="org-a", cap=1), expert("e-b", org="org-b", cap=1)]
    result = assign_experts([easy, hard], pool, k=1, on=ON)
    assert result.assignments == {"easy": ["e-b"], "hard": ["e-a"]}
    assert result.unstaffed == []


def test_validate_assignment_reports_each_broken_rule():
    pool = [expert("e-own", org="org-applicant", cap=1), expert("e-ok", cap=1),
            expert("e-away", available=False)]
    other = Application(id="app-2", organisation_id="org-2", fields=("5202010",))
    edited = {"app-1": ["e-own", "e-ok", "e-ok", "ghost"], "app-2": ["e-ok", "e-away"], "app-9": ["e-ok"]}
    found = [(v.application_id, v.expert_id, v.code) for v in
             validate_assignment(edited, [APP, other], pool, on=ON, k=3)]
    assert found == [
        ("app-1", None, "too_few_experts"),
        ("app-1", "e-own", "conflict_same_organisation"),
        ("app-1", "e-ok", "duplicate_expert"),
        ("app-1", "ghost", "unknown_expert"),
        ("app-2", None, "too_few_experts"),
        ("app-2", "e-away", "unavailable"),
        ("app-9", None, "unknown_application"),
        (None, "e-ok", "over_cap"),
    ]
