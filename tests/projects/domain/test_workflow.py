import pytest

from kechuang.projects.domain.workflow import APPLICATION_LIFECYCLE as WF
from kechuang.projects.domain.workflow import (
    PRECONDITIONS,
    Role,
    State,
    available_transitions,
    build_workflow,
    check_transition,
)

SUBMIT_FACTS = {"before_deadline": True, "eligible": True, "budget_valid": True, "attachments_complete": True}


def test_applicant_submits_a_complete_draft():
    decision = check_transition(WF, "draft", "submit", Role.APPLICANT, SUBMIT_FACTS)
    assert decision.allowed
    assert WF.transition("draft", "submit").target == "submitted"


def test_submit_refused_lists_every_unmet_precondition():
    facts = {**SUBMIT_FACTS, "budget_valid": False}
    del facts["attachments_complete"]  # not evaluated counts as not met
    decision = check_transition(WF, "draft", "submit", Role.APPLICANT, facts)
    assert not decision.allowed
    assert decision.missing == ("budget_valid", "attachments_complete")
    assert PRECONDITIONS["budget_valid"] in decision.reason
    assert PRECONDITIONS["attachments_complete"] in decision.reason


def test_wrong_role_is_refused_with_the_allowed_roles():
    decision = check_transition(WF, "formal_check", "pass_formal_check", Role.APPLICANT,
                                {"formal_check_passed": True})
    assert not decision.allowed
    assert "role 'applicant'" in decision.reason and "officer" in decision.reason


def test_transition_not_offered_from_state():
    decision = check_transition(WF, "draft", "award", Role.OFFICER)
    assert not decision.allowed
    assert "not possible" in decision.reason and "submit" in decision.reason


def test_unknown_and_terminal_states():
    assert "unknown state" in check_transition(WF, "limbo", "submit", Role.APPLICANT).reason
    decision = check_transition(WF, "closed", "close", Role.OFFICER)
    assert not decision.allowed and "final state" in decision.reason


def test_recommender_path_depends_on_the_call():
    # A call with a recommending unit: the officer must wait for the recommendation.
    with_recommender = {"recommender_required": True, "no_recommender_required": False}
    refused = check_transition(WF, "submitted", "start_formal_check", Role.OFFICER, with_recommender)
    assert refused.missing == ("no_recommender_required",)
    assert check_transition(WF, "submitted", "recommend", Role.RECOMMENDER, with_recommender).allowed
    assert check_transition(WF, "recommended", "start_formal_check", Role.OFFICER).allowed
    # A call without one: the officer goes straight on, the recommender has nothing to do.
    without = {"recommender_required": False, "no_recommender_required": True}
    assert check_transition(WF, "submitted", "start_formal_check", Role.OFFICER, without).allowed
    assert not check_transition(WF, "submitted", "recommend", Role.RECOMMENDER, without).allowed


def test_returned_application_goes_back_through_submission():
    assert check_transition(WF, "formal_check", "return_for_revision", Role.OFFICER,
                            {"reason_given": True}).allowed
    assert WF.transition("returned", "resubmit").target == "submitted"
    assert not check_transition(WF, "returned", "resubmit", Role.APPLICANT, {}).allowed


def test_full_happy_path_reaches_closed():
    path = [
        ("draft", "submit", Role.APPLICANT), ("submitted", "start_formal_check", Role.OFFICER),
        ("formal_check", "pass_formal_check", Role.OFFICER),
        ("expert_review", "complete_review", Role.OFFICER),
        ("comprehensive_check", "award", Role.LEADERSHIP), ("awarded", "draft_contract", Role.APPLICANT),
        ("contract_drafted", "sign_contract", Role.OFFICER), ("contract_signed", "start", Role.OFFICER),
        ("in_progress", "record_midterm_check", Role.OFFICER),
        ("midterm_checked", "request_acceptance", Role.APPLICANT),
        ("acceptance_requested", "fail_acceptance", Role.OFFICER),
        ("failed_acceptance", "evaluate", Role.OFFICER),
        ("evaluated", "close", Role.OFFICER),
    ]
    all_facts = dict.fromkeys(PRECONDITIONS, True)
    state = WF.initial
    for expected_state, transition, role in path:
        assert state == expected_state
        assert check_transition(WF, state, transition, role, all_facts).allowed, (state, transition)
        state = WF.transition(state, transition).target
    assert state == "closed"


def test_withdraw_only_before_formal_check():
    for state in ("draft", "submitted", "recommended", "returned"):
        assert check_transition(WF, state, "withdraw", Role.APPLICANT).allowed
    assert not check_transition(WF, "expert_review", "withdraw", Role.APPLICANT).allowed


def test_available_transitions_for_buttons():
    options = available_transitions(WF, "comprehensive_check", Role.OFFICER, {"reason_given": True})
    by_code = {t.code: d.allowed for t, d in options}
    assert by_code == {"award": False, "reject": True}


def test_declaration_errors_are_caught():
    bad = State("a", "A", (WF.states["draft"].transitions[0],))  # targets "submitted", not declared here
    with pytest.raises(ValueError, match="unknown state"):
        build_workflow("bad", "Bad", "a", (bad,))
    with pytest.raises(ValueError, match="initial"):
        build_workflow("bad", "Bad", "x", (State("a", "A"),))
