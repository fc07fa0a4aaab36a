"""Who may do what to an organisation, written once and answered with a reason.

Plain Python (no Django): the web views, the API and the selectors all ask these functions, so a
rule changes in one place. Every answer is a :class:`Decision` carrying the reason, so the UI and the
API can tell a user *why* something is refused (the idea of permission answers that carry a reason).

Scoping follows the administrative hierarchy: a bureau at prefecture level (e.g. 330100) sees every
organisation whose region code starts with ``3301``; a district bureau (330106) only its own county.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kechuang.core.roles import GOVERNMENT_KINDS, OrgKind, Role
from kechuang.i18n import gettext_noop


class Action(StrEnum):
    VIEW = "view"
    CREATE = "create"
    EDIT = "edit"
    DELETE = "delete"


@dataclass(frozen=True)
class Actor:
    """The facts about a user that permission rules need."""

    user_id: int
    roles: frozenset[Role]
    org_id: int | None
    org_kind: OrgKind | None
    region_code: str | None


@dataclass(frozen=True)
class OrgRef:
    """The facts about an organisation that permission rules need."""

    id: int | None
    kind: OrgKind
    region_code: str | None


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str

    def __bool__(self) -> bool:
        return self.allowed


class ScopeKind(StrEnum):
    ALL = "all"
    REGION = "region"
    OWN = "own"
    NONE = "none"


@dataclass(frozen=True)
class Scope:
    """Which organisations a user may list: all, those under a region prefix, or its own."""

    kind: ScopeKind
    region_prefix: str = ""
    org_id: int | None = None


# Roles that work for the bureau as a whole and may read the whole registry of its region.
BUREAU_READERS = frozenset({Role.PLANNER, Role.LEADER, Role.PROGRAMME_OFFICER, Role.DEPARTMENT_USER})


def region_prefix(code: str | None) -> str:
    """The prefix of region codes inside ``code``: 330000 → 33, 330100 → 3301, 330106 → 330106."""
    if not code:
        return ""
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


def in_region(actor: Actor, org: OrgRef) -> bool:
    prefix = region_prefix(actor.region_code)
    return bool(prefix) and bool(org.region_code) and org.region_code.startswith(prefix)


def visible_scope(actor: Actor) -> Scope:
    """The listing scope for ``actor``, consistent with :func:`decide` for ``Action.VIEW``."""
    if Role.BUREAU_ADMIN in actor.roles:
        return Scope(ScopeKind.ALL)
    if actor.roles & BUREAU_READERS and actor.region_code:
        return Scope(ScopeKind.REGION, region_prefix=region_prefix(actor.region_code), org_id=actor.org_id)
    if actor.org_id is not None:
        return Scope(ScopeKind.OWN, org_id=actor.org_id)
    return Scope(ScopeKind.NONE)


def _is_own(actor: Actor, org: OrgRef) -> bool:
    return org.id is not None and org.id == actor.org_id


def _registers_applicants(actor: Actor) -> bool:
    """Programme officers and district bureau staff register enterprises and institutes of their region."""
    if Role.PROGRAMME_OFFICER in actor.roles:
        return True
    return Role.DEPARTMENT_USER in actor.roles and actor.org_kind == OrgKind.DISTRICT_BUREAU


def decide(actor: Actor, action: Action, org: OrgRef) -> Decision:
    """May ``actor`` take ``action`` on ``org``? The answer says why."""
    if Role.BUREAU_ADMIN in actor.roles:
        return Decision(True, gettext_noop("Bureau administrators manage every organisation."))
    if action == Action.DELETE:
        return Decision(False, gettext_noop("Only a bureau administrator may delete an organisation."))

    own = _is_own(actor, org)
    region = in_region(actor, org)
    government = org.kind in GOVERNMENT_KINDS

    if action == Action.VIEW:
        if own:
            return Decision(True, gettext_noop("Users see their own organisation."))
        if actor.roles & BUREAU_READERS and region:
            return Decision(True, gettext_noop("Bureau staff see the organisations of their region."))
        return Decision(False, gettext_noop("This organisation is outside your organisation and region."))

    if action == Action.EDIT and own and actor.roles & {Role.ENTERPRISE_USER}:
        return Decision(True, gettext_noop("Enterprise users keep their own organisation's profile."))

    if _registers_applicants(actor):
        if government:
            return Decision(False, gettext_noop("Only a bureau administrator may manage government organisations."))
        if not region:
            return Decision(False, gettext_noop("You may only manage organisations in your own region."))
        return Decision(
            True, gettext_noop("Programme officers and district bureaus register organisations of their region.")
        )

    if action == Action.CREATE:
        return Decision(False, gettext_noop("Your role may not register organisations."))
    return Decision(False, gettext_noop("Your role may not edit this organisation."))
