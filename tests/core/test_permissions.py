"""The permission rules as a matrix: role × action × whose object, and the listing scope that matches."""

from __future__ import annotations

import itertools

import pytest

from kechuang.core.permissions import (
    Action,
    Actor,
    OrgRef,
    ScopeKind,
    decide,
    region_prefix,
    visible_scope,
)
from kechuang.core.roles import OrgKind, Role

CITY_BUREAU = Actor(1, frozenset(), 10, OrgKind.BUREAU, "330200")
DISTRICT = Actor(2, frozenset(), 20, OrgKind.DISTRICT_BUREAU, "330203")
ENTERPRISE = Actor(3, frozenset(), 30, OrgKind.ENTERPRISE, "330203")

OBJECTS = {
    "own": lambda actor: OrgRef(actor.org_id, actor.org_kind, actor.region_code),
    "same_county_enterprise": lambda actor: OrgRef(99, OrgKind.ENTERPRISE, "330203"),
    "other_county_enterprise": lambda actor: OrgRef(98, OrgKind.ENTERPRISE, "330205"),
    "other_city_enterprise": lambda actor: OrgRef(97, OrgKind.ENTERPRISE, "330106"),
    "government_in_county": lambda actor: OrgRef(96, OrgKind.DEPARTMENT, "330203"),
}


def as_role(base: Actor, role: Role) -> Actor:
    return Actor(base.user_id, frozenset({role}), base.org_id, base.org_kind, base.region_code)


# (role, where the user sits) → allowed object keys per action. Anything not listed is refused.
V, C, E, D = Action.VIEW, Action.CREATE, Action.EDIT, Action.DELETE
ALL_OBJECTS = set(OBJECTS)
CITY_WIDE = {"own", "same_county_enterprise", "other_county_enterprise", "government_in_county"}
EXPECTED: dict[tuple[Role, str], dict[Action, set[str]]] = {
    (Role.BUREAU_ADMIN, "city"): {V: ALL_OBJECTS, C: ALL_OBJECTS, E: ALL_OBJECTS, D: ALL_OBJECTS},
    (Role.PLANNER, "city"): {V: CITY_WIDE, C: set(), E: set(), D: set()},
    (Role.LEADER, "city"): {V: CITY_WIDE, C: set(), E: set(), D: set()},
    (Role.PROGRAMME_OFFICER, "city"): {
        V: CITY_WIDE,
        C: {"same_county_enterprise", "other_county_enterprise"},
        E: {"same_county_enterprise", "other_county_enterprise"},
        D: set(),
    },
    (Role.DEPARTMENT_USER, "district"): {
        V: {"own", "same_county_enterprise", "government_in_county"},
        C: {"same_county_enterprise"},
        E: {"same_county_enterprise"},
        D: set(),
    },
    (Role.ENTERPRISE_USER, "enterprise"): {V: {"own"}, C: set(), E: {"own"}, D: set()},
    (Role.EXPERT, "enterprise"): {V: {"own"}, C: set(), E: set(), D: set()},
    (Role.COMMISSIONER, "enterprise"): {V: {"own"}, C: set(), E: set(), D: set()},
}
SEATS = {"city": CITY_BUREAU, "district": DISTRICT, "enterprise": ENTERPRISE}

CASES = [
    (role, seat, action, obj_key)
    for (role, seat), actions in EXPECTED.items()
    for action, obj_key in itertools.product(Action, OBJECTS)
]


@pytest.mark.parametrize(("role", "seat", "action", "obj_key"), CASES)
def test_permission_matrix(role: Role, seat: str, action: Action, obj_key: str) -> None:
    actor = as_role(SEATS[seat], role)
    decision = decide(actor, action, OBJECTS[obj_key](actor))
    assert decision.allowed == (obj_key in EXPECTED[(role, seat)][action]), decision.reason
    assert decision.reason  # every answer says why


@pytest.mark.parametrize(("role", "seat"), list(EXPECTED))
def test_listing_scope_matches_view_rule(role: Role, seat: str) -> None:
    actor = as_role(SEATS[seat], role)
    scope = visible_scope(actor)
    for key, make in OBJECTS.items():
        org = make(actor)
        if scope.kind == ScopeKind.ALL:
            listed = True
        elif scope.kind == ScopeKind.REGION:
            listed = org.region_code.startswith(scope.region_prefix) or org.id == scope.org_id
        elif scope.kind == ScopeKind.OWN:
            listed = org.id == scope.org_id
        else:
            listed = False
        assert listed == decide(actor, Action.VIEW, org).allowed, key


def test_a_user_without_roles_sees_only_its_own_organisation() -> None:
    actor = Actor(5, frozenset(), 50, OrgKind.ENTERPRISE, "330203")
    assert visible_scope(actor).kind == ScopeKind.OWN
    assert not decide(actor, Action.EDIT, OrgRef(50, OrgKind.ENTERPRISE, "330203")).allowed


@pytest.mark.parametrize(("code", "prefix"), [("330000", "33"), ("330200", "3302"), ("330203", "330203"),
                                              (None, ""), ("", "")])
def test_region_prefix(code: str | None, prefix: str) -> None:
    assert region_prefix(code) == prefix
