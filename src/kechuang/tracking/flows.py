"""The progress-report workflow bound to what tracking knows: its facts and who holds which role."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kechuang.core.actors import actor_of
from kechuang.core.models import User
from kechuang.core.workflow import Binding, registry
from kechuang.tracking.models import ProgressReport
from kechuang.tracking.permissions import TrackingAction, decide_report, decide_tracking
from kechuang.tracking.workflow import PLANNER, REPORT_WORKFLOW, UNIT


def report_roles(user: User, report: ProgressReport) -> frozenset[str]:
    """Members of the report's unit act as ``unit``; planners as ``planner``."""
    actor = actor_of(user)
    assignment = report.assignment
    supporting = frozenset(assignment.supporting_units.values_list("pk", flat=True))
    roles = set()
    if decide_report(actor, report.unit_id, lead_unit_id=assignment.lead_unit_id, supporting_ids=supporting):
        roles.add(UNIT)
    if decide_tracking(actor, TrackingAction.MANAGE):
        roles.add(PLANNER)
    return frozenset(roles)


def _value_entered(report: ProgressReport, ctx: Mapping[str, Any]) -> bool:
    """A lead unit's report carries its value unless a live metric gives it; contributions may be words only."""
    return report.is_contribution or report.value is not None or bool(report.assignment.metric_code)


def _lead_report(report: ProgressReport, ctx: Mapping[str, Any]) -> bool:
    return not report.is_contribution


def register() -> None:
    registry.register(Binding(REPORT_WORKFLOW, url_name="tracking:report_transition", roles_of=report_roles,
                              facts={"value_entered": _value_entered, "lead_report": _lead_report}))
