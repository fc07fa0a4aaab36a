"""The progress report's workflow, declared once as data for the core engine (:mod:`kechuang.core.workflow`).

Stored state codes are stable (``ProgressReport.State``); only labels are translated. The facts named
here are supplied by :mod:`kechuang.tracking.flows`, which registers the workflow when the app loads.
"""

from __future__ import annotations

from kechuang.core.workflow import Precondition, State, Workflow, step
from kechuang.i18n import gettext_noop as _

UNIT, PLANNER = "unit", "planner"
EFFECTS = "kechuang.tracking.services"

REPORT_WORKFLOW = Workflow(
    code="progress_report",
    label=_("Progress report"),
    initial="draft",
    states=(State("draft", _("Draft")), State("submitted", _("Submitted")), State("returned", _("Returned")),
            State("accepted", _("Accepted"))),
    roles={UNIT: _("members of the reporting unit"), PLANNER: _("planners")},
    preconditions=(
        Precondition("value_entered", _("Enter the value reached before submitting.")),
        Precondition("lead_report", _("A supporting unit's contribution goes to the lead unit, not to the planner.")),
    ),
    transitions=(
        step("submit", _("Submit"), ("draft", "returned"), "submitted", UNIT, pre=("value_entered",),
             effect=f"{EFFECTS}.report_submitted"),
        step("accept", _("Accept"), "submitted", "accepted", PLANNER, pre=("lead_report",), tone="success",
             effect=f"{EFFECTS}.report_accepted"),
        step("return", _("Return"), "submitted", "returned", PLANNER, pre=("lead_report",), tone="danger",
             reason="required", reason_label=_("Reason for return"), effect=f"{EFFECTS}.report_returned"),
    ),
)
EDITABLE_STATES = frozenset({"draft", "returned"})
