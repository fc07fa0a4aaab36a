"""The application/project lifecycle, declared once as data for the core engine (:mod:`kechuang.core.workflow`).

States keep their stored codes; labels are English source strings marked for the catalogue and translated
on the page, so renaming a label never strands a record. Each step names the roles that may take it, the
preconditions the engine evaluates from the facts :mod:`kechuang.projects.flows` supplies, whether it asks
for a reason, the form it needs and the service function that writes its own records (``effect``).

A new step touches this declaration and, when it needs input, its form (``kechuang.projects.step_forms``)
and, when it writes records of its own, its effect in the services.
"""

from __future__ import annotations

from kechuang.core.workflow import Precondition, State, Workflow, step
from kechuang.i18n import gettext_noop as _


class Role:
    """Workflow roles on one application (``kechuang.projects.access.flow_roles`` says who holds them)."""

    APPLICANT = "applicant"
    RECOMMENDER = "recommender"  # 推荐单位 / 归口管理部门
    OFFICER = "officer"
    LEADERSHIP = "leadership"


_A, _R, _O, _L = Role.APPLICANT, Role.RECOMMENDER, Role.OFFICER, Role.LEADERSHIP
_SUBMIT = ("before_deadline", "eligible", "budget_valid", "complete", "not_duplicate")
_FORMS = "kechuang.projects.step_forms"
_APPS, _EXEC, _AWARD = ("kechuang.projects.services.applications", "kechuang.projects.services.execution",
                        "kechuang.projects.services.award")
_ALL_OPEN = ("draft", "submitted", "recommended", "returned")

APPLICATION_LIFECYCLE = Workflow(
    code="application",
    label=_("Application and project lifecycle"),
    initial="draft",
    roles={_A: _("the applicant"), _R: _("the recommending unit"), _O: _("programme officers"),
           _L: _("leadership")},
    states=(
        State("draft", _("Draft")), State("submitted", _("Submitted")), State("recommended", _("Recommended")),
        State("formal_check", _("Formal check")), State("returned", _("Returned to applicant")),
        State("expert_review", _("Expert review")), State("comprehensive_check", _("Comprehensive check")),
        State("awarded", _("Awarded")), State("rejected", _("Rejected")),
        State("contract_drafted", _("Contract drafted")), State("contract_signed", _("Contract signed")),
        State("in_progress", _("In progress")), State("midterm_checked", _("Mid-term checked")),
        State("acceptance_requested", _("Acceptance requested")), State("accepted", _("Acceptance passed")),
        State("failed_acceptance", _("Failed acceptance")), State("evaluated", _("Evaluated")),
        State("closed", _("Closed")), State("withdrawn", _("Withdrawn")),
    ),
    preconditions=(
        Precondition("before_deadline", _("the call's deadline has passed")),
        Precondition("eligible", _("the applicant does not meet the call's eligibility rules")),
        Precondition("budget_valid", _("the budget has rule violations")),
        Precondition("complete", _("required fields or attachments are missing")),
        Precondition("not_duplicate", _("the text nearly duplicates another filed application")),
        Precondition("recommender_required", _("this call does not use a recommending unit")),
        Precondition("no_recommender_required", _("this call requires a recommending unit's endorsement first")),
        Precondition("reviews_complete", _("not every assigned expert has submitted a review")),
        Precondition("integrity_clear", _("the applicant or its leader has an active integrity record")),
        Precondition("within_budget", _("the award does not fit the call's remaining budget")),
        Precondition("contract_kpis_set", _("the contract has no performance targets")),
        Precondition("contract_signed_by_applicant", _("the applicant has not signed the contract yet")),
        Precondition("midterm_report_submitted", _("the mid-term report has not been submitted")),
        Precondition("funds_settled", _("the project's accounts are not settled")),
    ),
    transitions=(
        step("submit", _("Submit"), "draft", "submitted", _A, pre=_SUBMIT, tone="success",
             effect=f"{_APPS}.submission_stamp"),
        step("resubmit", _("Resubmit"), "returned", "submitted", _A, pre=_SUBMIT, tone="success",
             effect=f"{_APPS}.submission_stamp"),
        step("recommend", _("Recommend"), "submitted", "recommended", _R, pre=("recommender_required",),
             reason="optional", reason_label=_("Note"), effect=f"{_APPS}.recommendation_record"),
        step("return_by_recommender", _("Return for revision"), "submitted", "returned", _R,
             pre=("recommender_required",), reason="required", tone="danger"),
        step("start_formal_check", _("Start formal check"), "submitted", "formal_check", _O,
             pre=("no_recommender_required",)),
        step("start_formal_check", _("Start formal check"), "recommended", "formal_check", _O),
        step("pass_formal_check", _("Pass formal check"), "formal_check", "expert_review", _O, tone="success",
             reason="optional", reason_label=_("Note"), effect=f"{_APPS}.formal_check_passed"),
        step("return_for_revision", _("Return for revision"), "formal_check", "returned", _O, tone="danger",
             reason="required", reason_label=_("Reasons for return"), effect=f"{_APPS}.formal_check_returned"),
        step("reject", _("Reject"), "formal_check", "rejected", _O, reason="required", tone="danger"),
        step("reject", _("Reject"), "comprehensive_check", "rejected", (_O, _L), reason="required", tone="danger"),
        step("withdraw", _("Withdraw"), _ALL_OPEN, "withdrawn", _A, reason="optional", tone="danger"),
        step("complete_review", _("Close expert review"), "expert_review", "comprehensive_check", _O,
             pre=("reviews_complete",)),
        step("award", _("Award"), "comprehensive_check", "awarded", (_O, _L), pre=("integrity_clear", "within_budget"),
             effect=f"{_AWARD}.award_grant",
             elsewhere=_("Awards are decided for the whole call on the ranking page.")),
        step("draft_contract", _("Draft contract"), "awarded", "contract_drafted", (_A, _O),
             effect=f"{_EXEC}.contract_create"),
        step("sign_contract", _("Sign contract"), "contract_drafted", "contract_signed", _O,
             pre=("contract_kpis_set", "contract_signed_by_applicant"), effect=f"{_EXEC}.contract_countersign"),
        step("start", _("Start project"), "contract_signed", "in_progress", _O,
             form=f"{_FORMS}.DisbursementForm", effect=f"{_EXEC}.first_disbursement"),
        step("record_midterm_check", _("Record mid-term check"), "in_progress", "midterm_checked", _O,
             pre=("midterm_report_submitted",), reason="required", reason_label=_("Conclusion"),
             effect=f"{_EXEC}.midterm_conclude"),
        step("request_acceptance", _("Request acceptance"), "midterm_checked", "acceptance_requested", _A,
             form=f"{_FORMS}.AcceptanceRequestForm", effect=f"{_EXEC}.acceptance_file"),
        step("accept", _("Pass acceptance"), "acceptance_requested", "accepted", _O, tone="success",
             form=f"{_FORMS}.AcceptanceDecisionForm", effect=f"{_EXEC}.acceptance_opinion"),
        step("fail_acceptance", _("Fail acceptance"), "acceptance_requested", "failed_acceptance", _O,
             form=f"{_FORMS}.AcceptanceDecisionForm", reason="required", tone="danger",
             effect=f"{_EXEC}.acceptance_opinion"),
        step("evaluate", _("Record performance evaluation"), ("accepted", "failed_acceptance"), "evaluated", _O,
             form=f"{_FORMS}.EvaluationForm", effect=f"{_EXEC}.evaluation_store"),
        step("close", _("Close"), "evaluated", "closed", _O, pre=("funds_settled",), reason="optional"),
    ),
)
