"""Who may read and change work plans; answers carry their reason (see kechuang.core.permissions)."""

from __future__ import annotations

from enum import StrEnum

from kechuang.core.permissions import Actor, Decision
from kechuang.core.roles import Role
from kechuang.i18n import gettext_noop

PLAN_EDITORS = frozenset({Role.BUREAU_ADMIN, Role.PLANNER})
PLAN_READERS = PLAN_EDITORS | {Role.LEADER, Role.PROGRAMME_OFFICER, Role.DEPARTMENT_USER}


class PlanAction(StrEnum):
    VIEW = "view"
    IMPORT = "import"
    EDIT = "edit"
    CONFIRM = "confirm"


def decide_plan(actor: Actor, action: PlanAction) -> Decision:
    if action == PlanAction.VIEW:
        if actor.roles & PLAN_READERS:
            return Decision(True, gettext_noop("Bureau staff read the work plans."))
        return Decision(False, gettext_noop("Work plans are open to bureau and district staff only."))
    if actor.roles & PLAN_EDITORS:
        return Decision(True, gettext_noop("Planners import, correct and confirm work plans."))
    return Decision(False, gettext_noop("Only planners may import, correct or confirm work plans."))
