"""The one workflow engine: lifecycles declared as data, answered with allowed-or-not and why.

Plain Python (no Django), so the web views, the API, the services, the CLI and the benchmarks ask the
same function. A workflow is declared once: states with stable codes and translatable labels, transitions
with the roles that may take them, named preconditions, whether a reason is required and the form a
step needs. The engine evaluates the preconditions itself from *facts* the owning app supplies by name
(``name → callable(obj, ctx) → bool``), so no caller can pass ``True`` for a check it did not make.

:func:`answer` tells, for the roles a user holds on one object, every transition out of its state with
allowed-or-not and every reason why not, so the page can draw the buttons and the "why not" hints from one
answer. :func:`validate` refuses a declaration with an unknown or unreachable state, a transition without
a role or a precondition its app does not supply; apps call it from ``AppConfig.ready()`` through
:meth:`Registry.register`, so a broken declaration stops the app from loading with the name of what is
wrong.

Messages are English templates marked with :func:`kechuang.i18n.gettext_noop` carrying their parameters
(:class:`kechuang.i18n.Message`); the web layer renders them in the reader's language.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kechuang.i18n import Message, gettext_noop

Fact = Callable[[Any, Mapping[str, Any]], bool]
"""A fact the app supplies: ``(obj, ctx) → bool``; ``ctx`` carries what the caller knows (amounts, a cache)."""


class WorkflowError(Exception):
    """A workflow declaration the engine refuses (the pure module's ``ImproperlyConfigured``)."""

    def __init__(self, template: str, **params: Any) -> None:
        self.message = Message(template, params)
        super().__init__(template.format(**params))


@dataclass(frozen=True)
class State:
    code: str  # stored in the database: never rename, translate the label instead
    label: str


@dataclass(frozen=True)
class Precondition:
    """A named condition and the sentence shown when it does not hold."""

    name: str
    unmet: str


@dataclass(frozen=True)
class Transition:
    """One step: from which states, to which, who may take it, what must hold and what the step asks for.

    ``reason`` says whether the step asks for a reason (``"optional"``) or refuses without one
    (``"required"``). ``form`` is the dotted path of the form class the web layer shows with the step's
    button; ``effect`` the dotted path of the function that writes the step's own records in the same
    transaction as the state change; ``elsewhere`` a sentence for steps taken on another page (no button is drawn here).
    ``tone`` says how the button looks: ``primary``, ``success`` or ``danger``.
    """

    code: str
    label: str
    sources: tuple[str, ...]
    target: str
    roles: frozenset[str]
    preconditions: tuple[str, ...] = ()
    reason: str = ""  # "" (none asked), "optional" or "required"
    reason_label: str = gettext_noop("Reason")
    form: str = ""
    effect: str = ""
    elsewhere: str = ""
    tone: str = "primary"

    @property
    def reason_required(self) -> bool:
        return self.reason == "required"


def step(code: str, label: str, sources: str | Iterable[str], target: str, roles: str | Iterable[str], *,
         pre: Iterable[str] = (), **options: Any) -> Transition:
    """A transition written on one line: ``step("submit", _("Submit"), "draft", "submitted", "applicant")``."""
    return Transition(code=code, label=label, sources=_as_tuple(sources), target=target,
                      roles=frozenset(_as_tuple(roles)), preconditions=tuple(pre), **options)


def _as_tuple(value: str | Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True)
class Workflow:
    code: str
    label: str
    initial: str
    states: tuple[State, ...]
    transitions: tuple[Transition, ...]
    roles: Mapping[str, str]  # role code → label
    preconditions: tuple[Precondition, ...] = ()
    _by_state: dict[str, tuple[Transition, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, list[Transition]] = {s.code: [] for s in self.states}
        for t in self.transitions:
            for source in t.sources:
                index.setdefault(source, []).append(t)
        object.__setattr__(self, "_by_state", {k: tuple(v) for k, v in index.items()})

    def state(self, code: str) -> State | None:
        return next((s for s in self.states if s.code == code), None)

    def state_label(self, code: str) -> str:
        state = self.state(code)
        return state.label if state else code

    def outgoing(self, state: str) -> tuple[Transition, ...]:
        return self._by_state.get(state, ())

    def transition(self, state: str, code: str) -> Transition | None:
        return next((t for t in self.outgoing(state) if t.code == code), None)

    def precondition(self, name: str) -> Precondition | None:
        return next((p for p in self.preconditions if p.name == name), None)


@dataclass(frozen=True)
class Option:
    """One transition out of the object's state, as the engine answers it for one user."""

    transition: Transition
    allowed: bool
    role_held: bool
    reasons: tuple[Message, ...] = ()  # why not (empty when allowed)
    unmet: tuple[str, ...] = ()  # names of preconditions that do not hold


def validate(workflow: Workflow, supplied: Collection[str]) -> None:
    """Refuse a declaration that would strand a record or that no app can evaluate; name what is wrong."""
    codes = [s.code for s in workflow.states]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise WorkflowError("workflow {workflow}: duplicate state codes {codes}",
                            workflow=workflow.code, codes=", ".join(duplicates))
    known = set(codes)
    if workflow.initial not in known:
        raise WorkflowError("workflow {workflow}: unknown initial state {state}",
                            workflow=workflow.code, state=workflow.initial)
    declared = {p.name for p in workflow.preconditions}
    for t in workflow.transitions:
        where = {"workflow": workflow.code, "transition": t.code}
        for state in (*t.sources, t.target):
            if state not in known:
                raise WorkflowError("workflow {workflow}: transition {transition} names unknown state {state}",
                                    state=state, **where)
        if not t.roles:
            raise WorkflowError("workflow {workflow}: transition {transition} has no role that may take it",
                                **where)
        unknown_roles = sorted(t.roles - set(workflow.roles))
        if unknown_roles:
            raise WorkflowError("workflow {workflow}: transition {transition} names unknown roles {roles}",
                                roles=", ".join(unknown_roles), **where)
        for name in t.preconditions:
            if name not in declared:
                raise WorkflowError("workflow {workflow}: transition {transition} names undeclared "
                                    "precondition {name}", name=name, **where)
            if name not in supplied:
                raise WorkflowError("workflow {workflow}: precondition {name} of transition {transition} is "
                                    "not supplied by the app", name=name, **where)
    reachable, frontier = {workflow.initial}, [workflow.initial]
    while frontier:
        for t in workflow.outgoing(frontier.pop()):
            if t.target not in reachable:
                reachable.add(t.target)
                frontier.append(t.target)
    unreachable = [c for c in codes if c not in reachable]
    if unreachable:
        raise WorkflowError("workflow {workflow}: states {states} cannot be reached from {initial}",
                            workflow=workflow.code, states=", ".join(unreachable), initial=workflow.initial)


ROLE_MISSING = gettext_noop("Only {roles} may take this step.")
NOT_FROM_STATE = gettext_noop("“{step}” is not possible while the record is “{state}”.")


def _option(workflow: Workflow, t: Transition, roles: Collection[str], obj: Any, facts: Mapping[str, Fact],
            ctx: Mapping[str, Any], cache: dict[str, bool]) -> Option:
    role_held = bool(t.roles.intersection(roles))
    if not role_held:
        names = tuple(workflow.roles[r] for r in sorted(t.roles))
        return Option(t, False, False, (Message(ROLE_MISSING, {"roles": names}, translate=("roles",)),))
    unmet = []
    for name in t.preconditions:
        if name not in cache:
            cache[name] = bool(facts[name](obj, ctx))
        if not cache[name]:
            unmet.append(name)
    reasons = tuple(Message(workflow.precondition(n).unmet, {}) for n in unmet)
    return Option(t, not unmet, True, reasons, tuple(unmet))


def answer(workflow: Workflow, *, state: str, roles: Collection[str], obj: Any, facts: Mapping[str, Fact],
           ctx: Mapping[str, Any] | None = None) -> list[Option]:
    """Every transition out of ``state``, each allowed or not with the reasons, for a user holding ``roles``.

    Preconditions are evaluated only for transitions the user's roles may take, each at most once per
    answer (a precondition shared by two steps is asked once). All unmet preconditions are reported at once
    so the user can fix them in one go.
    """
    cache: dict[str, bool] = {}
    return [_option(workflow, t, roles, obj, facts, ctx or {}, cache) for t in workflow.outgoing(state)]


def decide(workflow: Workflow, *, state: str, code: str, roles: Collection[str], obj: Any,
           facts: Mapping[str, Fact], ctx: Mapping[str, Any] | None = None) -> Option | Message:
    """The option for one transition, or the message saying the step does not leave ``state`` at all."""
    t = workflow.transition(state, code)
    if t is None:
        label = next((x.label for x in workflow.transitions if x.code == code), code)
        return Message(NOT_FROM_STATE, {"step": label, "state": workflow.state_label(state)},
                       translate=("step", "state"))
    return _option(workflow, t, roles, obj, facts, ctx or {}, {})


RolesOf = Callable[[Any, Any], Collection[str]]
"""``(user, obj) → roles`` the user holds on the object (the app's own rule, e.g. applicant of this one)."""


@dataclass(frozen=True)
class Binding:
    """A workflow bound to its app: the facts it supplies, who holds which role, and where state is kept.

    ``on_transition(obj, actor, transition, previous, reason)`` runs inside the transaction after the new
    state is set and before the object is saved (stamp dates, notify people); ``url_name`` is the route
    ``(pk, code)`` that performs a step from a page.
    """

    workflow: Workflow
    facts: Mapping[str, Fact]
    roles_of: RolesOf
    url_name: str
    state_field: str = "state"
    on_transition: Callable[..., None] | None = None


class Registry:
    """The workflows of every app, each validated when it is registered (from ``AppConfig.ready()``)."""

    def __init__(self) -> None:
        self._bindings: dict[str, Binding] = {}

    def register(self, binding: Binding) -> Binding:
        validate(binding.workflow, binding.facts.keys())
        self._bindings[binding.workflow.code] = binding
        return binding

    def get(self, code: str) -> Binding:
        return self._bindings[code]

    def __iter__(self):
        return iter(self._bindings.values())


registry = Registry()
