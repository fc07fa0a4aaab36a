"""Who may run the cultivation pool, answered with a reason (plain Python, like core.permissions).

Keeping a profile and its figures follows the core's organisation rules (an enterprise user edits its
own enterprise; programme officers and district bureaus manage their region), so only the bureau's
own acts — selecting enterprises into the pool — need a rule of their own.
"""

from __future__ import annotations

from kechuang.core.permissions import Action, Actor, Decision, OrgRef, decide, in_region
from kechuang.core.roles import OrgKind, Role
from kechuang.i18n import gettext_noop

SELECTORS = frozenset({Role.PROGRAMME_OFFICER, Role.PLANNER})


def may_select(actor: Actor, org: OrgRef) -> Decision:
    """May ``actor`` select ``org`` into (or remove it from) the cultivation pool?"""
    if Role.BUREAU_ADMIN in actor.roles:
        return Decision(True, gettext_noop("Bureau administrators run the cultivation pool."))
    if not actor.roles & SELECTORS:
        return Decision(False, gettext_noop("Only programme officers and planners select enterprises into the pool."))
    if not in_region(actor, org):
        return Decision(False, gettext_noop("You may only select enterprises of your own region."))
    return Decision(True, gettext_noop("Programme officers and planners select the enterprises of their region."))


def may_view_registry(actor: Actor) -> Decision:
    """The registry list and the pool are bureau pages; an enterprise user sees only its own record."""
    if Role.BUREAU_ADMIN in actor.roles or actor.roles & {
            Role.PROGRAMME_OFFICER, Role.PLANNER, Role.LEADER, Role.DEPARTMENT_USER}:
        return Decision(True, gettext_noop("Bureau staff read the registry of their region."))
    return Decision(False, gettext_noop("The enterprise registry is for bureau staff."))


def may_import(actor: Actor) -> Decision:
    """May ``actor`` import a workbook of enterprises, figures and IP?

    An import registers and updates enterprises, so it follows the core rules: programme officers,
    district bureaus and administrators register the enterprises of their region, and an enterprise
    user updates its own (each row is still checked against the enterprise it names). Readers such as
    leaders would only see every row refused, so they are refused the import as a whole.
    """
    if Role.ENTERPRISE_USER in actor.roles:
        return Decision(True, gettext_noop("Enterprise users update their own enterprise's figures and IP."))
    if decide(actor, Action.CREATE, OrgRef(None, OrgKind.ENTERPRISE, actor.region_code)).allowed:
        return Decision(True, gettext_noop("You may register and update the enterprises of your region."))
    return Decision(False, gettext_noop(
        "Only programme officers, district bureaus and bureau administrators import enterprises."))


def may_open_import(actor: Actor) -> Decision:
    """The import page is a registry page: open to bureau staff who may also import (the menu asks this too)."""
    registry = may_view_registry(actor)
    return may_import(actor) if registry.allowed else registry
