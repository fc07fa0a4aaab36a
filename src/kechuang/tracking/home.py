"""The plan at a glance on the home page of those who watch it (leaders, planners): lights by chapter and
the targets at risk of the latest tracked plan, from the same selectors as the tracking dashboard."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from kechuang.core.actors import actor_of
from kechuang.tracking import charts, selectors
from kechuang.tracking.permissions import TrackingAction, decide_tracking


def plan_panel(request: HttpRequest) -> dict[str, Any] | None:
    if not decide_tracking(actor_of(request.user), TrackingAction.VIEW_ALL).allowed:
        return None
    plan = selectors.tracked_plans().first()
    if plan is None:
        return None
    return {
        "plan": plan,
        "lights": selectors.light_totals(plan),
        "by_chapter": charts.status_bars(selectors.status_by("chapter_id", "chapter__heading", plan, limit=12)),
        "at_risk": selectors.at_risk(plan, limit=8),
    }
