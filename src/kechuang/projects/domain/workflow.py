"""The application/project lifecycle, declared as data.

Each state is declared once with its label and the transitions out of it; each transition names the roles
that may take it and its preconditions by name. The stored state codes are stable strings: labels are
English source strings translated by the UI, so renaming a label never strands records holding a code.

The service layer evaluates the preconditions (it knows the database) and passes the results in as
``facts``; this module only decides, and always says why not, so the UI and the API can tell the user
what is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


class Role:
    """Role codes that may act on an application or project."""

    APPLICANT = "applicant"
    RECOMMENDER = "recommender"  # 推荐单位 / 归口管理部门
    OFFICER = "officer"
    LEADERSHIP = "leadership"


# Precondition name -> English sentence shown when it is not met.
PRECONDITIONS: dict[str, str] = {
    "before_deadline": "the call's deadline has passed",
    "eligible": "the applicant does not meet the call's eligibility rules",
    "budget_valid": "the budget has rule violations",
    "attachments_complete": "required attachments are missing",
    "recommender_required": "this call does not use a recommending unit",
    "no_recommender_required": "this call requires a recommending unit's endorsement first",
    "reason_given": "a reason must be given",
    "formal_check_passed": "the formal check list is not complete",
    "reviews_complete": "not every assigned expert has submitted a review",
    "integrity_clear": "the applicant or its leader has an active integrity record",
    "within_budget": "the award does not fit the call's remaining budget",
    "contract_kpis_set": "the contract has no performance targets",
    "contract_signed_by_both": "the contract lacks a signature",
    "funds_disbursed": "the first instalment of funds has not been disbursed",
    "midterm_report_submitted": "the mid-term report has not been submitted",
    "final_report_submitted": "the final report has not been submitted",
    "acceptance_review_done": "the acceptance panel has not given its opinion",
    "performance_evaluated": "the performance evaluation is not recorded",
    "funds_settled": "the project's accounts are not settled",
}


@dataclass(frozen=True)
class Transition:
    """One way out of a state: who may take it and what must hold first."""

    code: str
    label: str
    target: str
    roles: frozenset[str]
    preconditions: tuple[str, ...] = ()


@dataclass(frozen=True)
class State:
    code: str
    label: str
    transitions: tuple[Transition, ...] = ()

    @property
    def is_terminal(self) -> bool:
        return not self.transitions


@dataclass(frozen=True)
class Workflow:
    code: str
    label: str
    initial: str
    states: Mapping[str, State] = field(default_factory=dict)

    def transition(self, state: str, transition: str) -> Transition | None:
        current = self.states.get(state)
        if current is None:
            return None
        return next((t for t in current.transitions if t.code == transition), None)


@dataclass(frozen=True)
class Decision:
    """The answer to "may this role take this transition now?", with the reason when it may not."""

    allowed: bool
    reason: str = ""
    missing: tuple[str, ...] = ()  # names of unmet preconditions


def _t(code: str, label: str, target: str, roles: str | tuple[str, ...], *pre: str) -> Transition:
    role_set = frozenset((roles,) if isinstance(roles, str) else roles)
    return Transition(code=code, label=label, target=target, roles=role_set, preconditions=pre)


def _withdraw() -> Transition:
    return _t("withdraw", "Withdraw", "withdrawn", Role.APPLICANT)


def build_workflow(code: str, label: str, initial: str, states: tuple[State, ...]) -> Workflow:
    """Assemble a workflow and refuse declarations that would strand a record."""
    by_code = {s.code: s for s in states}
    if len(by_code) != len(states):
        raise ValueError(f"workflow {code}: duplicate state codes")
    if initial not in by_code:
        raise ValueError(f"workflow {code}: unknown initial state {initial}")
    for s in states:
        for t in s.transitions:
            if t.target not in by_code:
                raise ValueError(f"workflow {code}: {s.code}.{t.code} targets unknown state {t.target}")
            unknown = [p for p in t.preconditions if p not in PRECONDITIONS]
            if unknown:
                raise ValueError(f"workflow {code}: {s.code}.{t.code} has unknown preconditions {unknown}")
    return Workflow(code=code, label=label, initial=initial, states=by_code)


_A, _R, _O, _L = Role.APPLICANT, Role.RECOMMENDER, Role.OFFICER, Role.LEADERSHIP
_SUBMIT_CHECKS = ("before_deadline", "eligible", "budget_valid", "attachments_complete")

APPLICATION_LIFECYCLE = build_workflow(
    "application",
    "Application and project lifecycle",
    "draft",
    (
        State("draft", "Draft", (
            _t("submit", "Submit", "submitted", _A, *_SUBMIT_CHECKS),
            _withdraw(),
        )),
        State("submitted", "Submitted", (
            _t("recommend", "Recommend", "recommended", _R, "recommender_required"),
            _t("return_by_recommender", "Return for revision", "returned", _R,
               "recommender_required", "reason_given"),
            _t("start_formal_check", "Start formal check", "formal_check", _O, "no_recommender_required"),
            _withdraw(),
        )),
        State("recommended", "Recommended", (
            _t("start_formal_check", "Start formal check", "formal_check", _O),
            _withdraw(),
        )),
        State("formal_check", "Formal check", (
            _t("return_for_revision", "Return for revision", "returned", _O, "reason_given"),
            _t("pass_formal_check", "Pass formal check", "expert_review", _O, "formal_check_passed"),
            _t("reject", "Reject", "rejected", _O, "reason_given"),
        )),
        State("returned", "Returned to applicant", (
            _t("resubmit", "Resubmit", "submitted", _A, *_SUBMIT_CHECKS),
            _withdraw(),
        )),
        State("expert_review", "Expert review", (
            _t("complete_review", "Close expert review", "comprehensive_check", _O, "reviews_complete"),
        )),
        State("comprehensive_check", "Comprehensive check", (
            _t("award", "Award", "awarded", (_O, _L), "integrity_clear", "within_budget"),
            _t("reject", "Reject", "rejected", (_O, _L), "reason_given"),
        )),
        State("awarded", "Awarded", (
            _t("draft_contract", "Draft contract", "contract_drafted", (_A, _O)),
        )),
        State("rejected", "Rejected"),
        State("contract_drafted", "Contract drafted", (
            _t("sign_contract", "Sign contract", "contract_signed", _O,
               "contract_kpis_set", "contract_signed_by_both"),
        )),
        State("contract_signed", "Contract signed", (
            _t("start", "Start project", "in_progress", _O, "funds_disbursed"),
        )),
        State("in_progress", "In progress", (
            _t("record_midterm_check", "Record mid-term check", "midterm_checked", _O,
               "midterm_report_submitted"),
        )),
        State("midterm_checked", "Mid-term checked", (
            _t("request_acceptance", "Request acceptance", "acceptance_requested", _A,
               "final_report_submitted"),
        )),
        State("acceptance_requested", "Acceptance requested", (
            _t("accept", "Pass acceptance", "accepted", _O, "acceptance_review_done"),
            _t("fail_acceptance", "Fail acceptance", "failed_acceptance", _O,
               "acceptance_review_done", "reason_given"),
        )),
        State("accepted", "Acceptance passed", (
            _t("evaluate", "Record performance evaluation", "evaluated", _O, "performance_evaluated"),
        )),
        State("failed_acceptance", "Failed acceptance", (
            _t("evaluate", "Record performance evaluation", "evaluated", _O, "performance_evaluated"),
        )),
        State("evaluated", "Evaluated", (
            _t("close", "Close", "closed", _O, "funds_settled"),
        )),
        State("closed", "Closed"),
        State("withdrawn", "Withdrawn"),
    ),
)

WORKFLOWS: dict[str, Workflow] = {APPLICATION_LIFECYCLE.code: APPLICATION_LIFECYCLE}


def check_transition(
    workflow: Workflow,
    state: str,
    transition: str,
    role: str,
    facts: Mapping[str, bool] | None = None,
) -> Decision:
    """Say whether ``role`` may take ``transition`` from ``state``, and why not.

    ``facts`` maps precondition names to whether they hold; a precondition missing from ``facts`` counts
    as not met, so a caller that forgets to evaluate one fails closed. Checks run from the coarsest
    (unknown state) to the finest (preconditions), and every unmet precondition is reported at once so
    the user can fix them all in one go.
    """
    current = workflow.states.get(state)
    if current is None:
        return Decision(False, f"unknown state '{state}' in workflow '{workflow.code}'")
    if current.is_terminal:
        return Decision(False, f"'{current.label}' is a final state: no transition leaves it")
    step = workflow.transition(state, transition)
    if step is None:
        offered = ", ".join(t.code for t in current.transitions)
        return Decision(False, f"'{transition}' is not possible from '{current.label}' (possible: {offered})")
    if role not in step.roles:
        allowed = ", ".join(sorted(step.roles))
        return Decision(False, f"role '{role}' may not '{step.label}' (allowed roles: {allowed})")
    facts = facts or {}
    missing = tuple(p for p in step.preconditions if not facts.get(p, False))
    if missing:
        why = "; ".join(PRECONDITIONS[p] for p in missing)
        return Decision(False, f"cannot '{step.label}': {why}", missing)
    return Decision(True, f"'{step.label}' moves the record to '{workflow.states[step.target].label}'")


def available_transitions(
    workflow: Workflow, state: str, role: str, facts: Mapping[str, bool] | None = None
) -> list[tuple[Transition, Decision]]:
    """Every transition out of ``state`` that ``role`` holds, each with its decision (for buttons)."""
    current = workflow.states.get(state)
    if current is None:
        return []
    return [
        (t, check_transition(workflow, state, t.code, role, facts))
        for t in current.transitions
        if role in t.roles
    ]
