"""The core workflow engine (pure): declarations refused at load, answers with allowed-or-not and why."""

import pytest

from kechuang.core.workflow import Binding, Precondition, Registry, State, Workflow, WorkflowError, answer, decide, step
from kechuang.i18n import Message

ROLES = {"author": "authors", "editor": "editors"}
PRE = (Precondition("has_text", "the text is empty"), Precondition("has_title", "the title is missing"))


def flow(*transitions, states=("draft", "review", "published"), pre=PRE) -> Workflow:
    return Workflow(code="doc", label="Document", initial="draft", roles=ROLES, preconditions=pre,
                    states=tuple(State(s, s.title()) for s in states), transitions=transitions)


DOC = flow(
    step("send", "Send", "draft", "review", "author", pre=("has_text", "has_title")),
    step("publish", "Publish", "review", "published", "editor", pre=("has_text",)),
    step("return", "Return", "review", "draft", "editor", reason="required"),
)


class Counting(dict):
    """Facts that count how often the engine asks each one."""

    def __init__(self, **values: bool) -> None:
        self.asked: dict[str, int] = {}
        super().__init__({name: self._fact(name, value) for name, value in values.items()})

    def _fact(self, name: str, value: bool):
        def fact(obj, ctx):
            self.asked[name] = self.asked.get(name, 0) + 1
            return value
        return fact


def test_answer_lists_every_step_with_every_reason_at_once():
    facts = Counting(has_text=False, has_title=False)
    [send] = answer(DOC, state="draft", roles={"author"}, obj=object(), facts=facts)
    assert (send.allowed, send.role_held, send.unmet) == (False, True, ("has_text", "has_title"))
    assert [m.template for m in send.reasons] == ["the text is empty", "the title is missing"]


def test_the_engine_evaluates_preconditions_itself_once_per_answer():
    facts = Counting(has_text=True, has_title=True)
    options = answer(DOC, state="review", roles={"editor"}, obj=object(), facts=facts)
    assert [(o.transition.code, o.allowed) for o in options] == [("publish", True), ("return", True)]
    assert facts.asked == {"has_text": 1}  # has_title belongs to no step out of "review"


def test_a_role_not_held_is_answered_with_who_may_and_no_fact_is_asked():
    facts = Counting(has_text=True, has_title=True)
    [send] = answer(DOC, state="draft", roles={"editor"}, obj=object(), facts=facts)
    assert not send.allowed and not send.role_held
    assert send.reasons[0].params == {"roles": ("authors",)} and facts.asked == {}


def test_facts_receive_the_object_and_the_callers_context():
    seen = []
    facts = {"has_text": lambda obj, ctx: seen.append((obj, ctx["amount"])) or True, "has_title": lambda o, c: True}
    [send] = answer(DOC, state="draft", roles={"author"}, obj="doc-1", facts=facts, ctx={"amount": 5})
    assert send.allowed and seen == [("doc-1", 5)]


def test_a_step_that_does_not_leave_the_state_is_a_message():
    outcome = decide(DOC, state="published", code="send", roles={"author"}, obj=None, facts={})
    assert isinstance(outcome, Message) and outcome.params == {"step": "Send", "state": "Published"}


def test_reason_required_is_declared_on_the_step():
    assert DOC.transition("review", "return").reason_required
    assert not DOC.transition("review", "publish").reason_required


@pytest.mark.parametrize(("workflow", "named"), [
    (flow(step("send", "Send", "draft", "limbo", "author")), "unknown state limbo"),
    (flow(step("send", "Send", "draft", "review", ())), "transition send has no role"),
    (flow(step("send", "Send", "draft", "review", "reader")), "unknown roles reader"),
    (flow(step("send", "Send", "draft", "review", "author", pre=("has_stamp",))), "undeclared precondition has_stamp"),
    (flow(step("send", "Send", "draft", "review", "author")), "states published cannot be reached"),
    (flow(step("send", "Send", "draft", "review", "author"), step("go", "Go", "review", "published", "editor"),
          states=("draft", "review", "published", "review")), "duplicate state codes review"),
])
def test_a_broken_declaration_is_refused_with_the_name_of_what_is_wrong(workflow, named):
    with pytest.raises(WorkflowError) as caught:
        Registry().register(Binding(workflow, facts={"has_text": None, "has_title": None},
                                    roles_of=lambda u, o: (), url_name="x"))
    assert named in str(caught.value)


def test_a_precondition_the_app_does_not_supply_is_refused_at_registration():
    with pytest.raises(WorkflowError, match="precondition has_title of transition send is not supplied"):
        Registry().register(Binding(DOC, facts={"has_text": lambda o, c: True}, roles_of=lambda u, o: (),
                                    url_name="x"))


def test_a_good_declaration_registers_and_is_found_by_its_code():
    registry = Registry()
    binding = Binding(DOC, facts={"has_text": lambda o, c: True, "has_title": lambda o, c: True},
                      roles_of=lambda u, o: (), url_name="x")
    registry.register(binding)
    assert registry.get("doc") is binding and list(registry) == [binding]
