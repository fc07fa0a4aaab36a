"""Writing accepted reports quickly for status and assessment tests."""

from __future__ import annotations

import datetime as dt

from kechuang.tracking import services
from kechuang.tracking.models import Assignment
from kechuang.tracking.services import ReportInput


def accepted(tracked, assignment: Assignment, period: str, value: float, *, today: dt.date) -> None:
    user = tracked.dept if assignment.lead_unit_id == tracked.world.department.pk else tracked.district
    report = services.report_save(actor=user, assignment=assignment, unit=assignment.lead_unit,
                                  data=ReportInput(period, value=value), today=today)
    services.report_transition(actor=user, report=report, name="submit")
    services.report_transition(actor=tracked.planner, report=report, name="accept")
