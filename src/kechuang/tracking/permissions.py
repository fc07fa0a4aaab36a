"""Who may do what in tracking; every answer carries its reason (see kechuang.core.permissions).

Plain Python: the views, the API and the services ask the same functions.
"""

from __future__ import annotations

from enum import StrEnum

from kechuang.core.permissions import Actor, Decision
from kechuang.core.roles import Role
from kechuang.i18n import gettext_noop

MANAGERS = frozenset({Role.BUREAU_ADMIN, Role.PLANNER})
WATCHERS = MANAGERS | {Role.LEADER}
REPORTERS = frozenset({Role.DEPARTMENT_USER})


class TrackingAction(StrEnum):
    VIEW_ALL = "view_all"  # dashboards, every unit's tasks
    MANAGE = "manage"  # assign, bind metrics, accept or return reports, assess


def decide_tracking(actor: Actor, action: TrackingAction) -> Decision:
    if action == TrackingAction.VIEW_ALL:
        if actor.roles & WATCHERS:
            return Decision(True, gettext_noop("Planners and leaders watch every target."))
        return Decision(False, gettext_noop("Only planners and leaders see the whole plan's tracking."))
    if actor.roles & MANAGERS:
        return Decision(True, gettext_noop("Planners assign targets and decide on reports."))
    return Decision(False, gettext_noop("Only planners may assign targets and decide on reports."))


def decide_report(actor: Actor, unit_id: int, *, lead_unit_id: int, supporting_ids: frozenset[int]) -> Decision:
    """May ``actor`` write a report for ``unit_id`` on a target led by ``lead_unit_id``?"""
    if unit_id != lead_unit_id and unit_id not in supporting_ids:
        return Decision(False, gettext_noop("This unit is neither the lead nor a supporting unit of the target."))
    if actor.org_id != unit_id:
        return Decision(False, gettext_noop("Only members of the unit may report for it."))
    if not actor.roles & (REPORTERS | MANAGERS):
        return Decision(False, gettext_noop("Your role may not report progress."))
    return Decision(True, gettext_noop("Members of a responsible unit report its progress."))


def decide_view_target(actor: Actor, *, lead_unit_id: int, supporting_ids: frozenset[int]) -> Decision:
    if actor.roles & WATCHERS:
        return Decision(True, gettext_noop("Planners and leaders watch every target."))
    if actor.org_id is not None and (actor.org_id == lead_unit_id or actor.org_id in supporting_ids):
        return Decision(True, gettext_noop("Responsible units see their targets."))
    return Decision(False, gettext_noop("This target is not assigned to your unit."))
