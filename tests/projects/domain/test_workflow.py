"""The application lifecycle as declared for the core engine, with the facts projects supplies."""

from kechuang.core.workflow import answer, decide, validate
from kechuang.projects.domain.workflow import APPLICATION_LIFECYCLE as WF
from kechuang.projects.domain.workflow import Role

ALL = {p.name: (lambda obj, ctx: True) for p in WF.preconditions}


def _constant(value: bool):
    return lambda obj, ctx: value


def facts(**unmet: bool):
    return {**ALL, **{name: _constant(value) for name, value in unmet.items()}}


def options(state: str, role: str, **unmet: bool) -> dict[str, tuple[bool, tuple[str, ...]]]:
    return {o.transition.code: (o.allowed, o.unmet)
            for o in answer(WF, state=state, roles={role}, obj=None, facts=facts(**unmet)) if o.role_held}


def test_the_declaration_is_valid_with_every_fact_supplied():
    validate(WF, ALL.keys())


def test_submit_refused_lists_every_unmet_precondition():
    assert options("draft", Role.APPLICANT, budget_valid=False, complete=False)["submit"] == (
        False, ("budget_valid", "complete"))


def test_recommender_path_depends_on_the_call():
    assert options("submitted", Role.OFFICER, no_recommender_required=False)["start_formal_check"] == (
        False, ("no_recommender_required",))
    assert options("recommended", Role.OFFICER)["start_formal_check"] == (True, ())
    assert options("submitted", Role.RECOMMENDER, recommender_required=False)["recommend"][0] is False


def test_wrong_role_is_told_who_may():
    outcome = decide(WF, state="formal_check", code="pass_formal_check", roles={Role.APPLICANT}, obj=None, facts=ALL)
    assert not outcome.role_held and outcome.reasons[0].params == {"roles": ("programme officers",)}


def test_full_happy_path_reaches_closed():
    path = [("submit", Role.APPLICANT), ("start_formal_check", Role.OFFICER), ("pass_formal_check", Role.OFFICER),
            ("complete_review", Role.OFFICER), ("award", Role.LEADERSHIP), ("draft_contract", Role.APPLICANT),
            ("sign_contract", Role.OFFICER), ("start", Role.OFFICER), ("record_midterm_check", Role.OFFICER),
            ("request_acceptance", Role.APPLICANT), ("fail_acceptance", Role.OFFICER), ("evaluate", Role.OFFICER),
            ("close", Role.OFFICER)]
    state = WF.initial
    for code, role in path:
        outcome = decide(WF, state=state, code=code, roles={role}, obj=None, facts=ALL)
        assert outcome.allowed, (state, code)
        state = outcome.transition.target
    assert state == "closed"


def test_withdraw_only_before_formal_check():
    for state in ("draft", "submitted", "recommended", "returned"):
        assert options(state, Role.APPLICANT)["withdraw"] == (True, ())
    assert "withdraw" not in options("expert_review", Role.APPLICANT)


def test_reasons_forms_and_effects_are_declared_on_the_steps():
    assert WF.transition("formal_check", "return_for_revision").reason_required
    assert WF.transition("acceptance_requested", "accept").form.endswith("AcceptanceDecisionForm")
    assert WF.transition("comprehensive_check", "award").elsewhere  # decided on the ranking page
    assert not any(s.code == "closed" for s in WF.states if WF.outgoing(s.code))
