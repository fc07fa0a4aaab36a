"""Performing a declared workflow step, and drawing the steps a user may take, for every app.

The engine (:mod:`kechuang.core.workflow`) decides; this module is its Django side. :func:`transition_perform`
re-asks the engine, refuses (audited through :func:`kechuang.core.audit.refuse`) when the step is not
allowed, runs the step's own effect, saves the new state and writes ONE audit row with from, to, step and
why. :func:`workflow_actions` turns the engine's answer into what ``core/_workflow_actions.html`` draws:
buttons, their forms, the reason box and the "why not" hints. :func:`step_from_request` is the one POST
handler behind those buttons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from kechuang.core.audit import audit_record, refuse
from kechuang.core.models import AuditEntry, User
from kechuang.core.workflow import Option, answer, decide, registry
from kechuang.i18n import Message, gettext_noop, render

REASON_MISSING = gettext_noop("Give a reason for this step.")


class TransitionRefused(ValidationError):
    """A step the engine refused for the object's state or its preconditions (the role was fine)."""


class StepForm(forms.Form):
    """Base of the forms a step declares: every one is built for the object the step acts on."""

    def __init__(self, *args: Any, obj: models.Model | None = None, **kwargs: Any) -> None:
        self.obj = obj
        super().__init__(*args, **kwargs)


def _roles(binding, user: User, obj: models.Model) -> frozenset[str]:
    return frozenset(binding.roles_of(user, obj)) if user.is_authenticated else frozenset()


def workflow_options(user: User, obj: models.Model, workflow: str, ctx: dict[str, Any] | None = None) -> list[Option]:
    """The engine's answer for ``user`` on ``obj``: every step out of its state, allowed or not and why."""
    binding = registry.get(workflow)
    return answer(binding.workflow, state=getattr(obj, binding.state_field), roles=_roles(binding, user, obj),
                  obj=obj, facts=binding.facts, ctx=ctx if ctx is not None else {})


def transition_perform(*, actor: User, obj: models.Model, workflow: str, step: str, reason: str = "",
                       data: dict[str, Any] | None = None, ctx: dict[str, Any] | None = None) -> models.Model:
    """Take ``step`` on ``obj``: allowed by the engine, or refused and audited; one audit row when taken.

    A role the user does not hold is an access refusal (``PermissionDenied``); a state the step does not
    leave, an unmet precondition or a missing reason is a :class:`TransitionRefused` naming every problem.
    Both are audited before any write transaction opens, so the ``denied`` row survives. The step's
    ``effect`` (its own records: a formal check, a contract, a payment) runs in the same transaction as the
    state change; it may raise ``ValidationError`` to undo the whole step.
    """
    binding = registry.get(workflow)
    wf = binding.workflow
    ctx = ctx if ctx is not None else {}
    state = getattr(obj, binding.state_field)
    what = f"{wf.code}.{step}"
    outcome = decide(wf, state=state, code=step, roles=_roles(binding, actor, obj), obj=obj,
                     facts=binding.facts, ctx=ctx)
    if isinstance(outcome, Message):
        refuse(actor=actor, reason=outcome, obj=obj, what=what)
        raise TransitionRefused([render(outcome)])
    if not outcome.role_held:
        raise refuse(actor=actor, reason=outcome.reasons[0], obj=obj, what=what)
    problems = list(outcome.reasons)
    t = outcome.transition
    if t.reason_required and not reason.strip():
        problems.append(Message(REASON_MISSING))
    if problems:
        refuse(actor=actor, reason=Message("; ".join(str(p) for p in problems)), obj=obj, what=what)
        raise TransitionRefused([render(p) for p in problems])
    effect = import_string(t.effect) if t.effect else None
    with transaction.atomic():
        current = type(obj).objects.select_for_update().filter(pk=obj.pk).values_list(
            binding.state_field, flat=True).first()
        if current != state:
            raise TransitionRefused(_("Someone else changed this record meanwhile; reload the page."))
        before = _values(obj)
        if effect is not None:
            effect(actor=actor, obj=obj, reason=reason.strip(), data=data or {}, ctx=ctx)
        setattr(obj, binding.state_field, t.target)
        if binding.on_transition is not None:
            binding.on_transition(obj, actor, t, state, reason.strip())
        # Only what the step changed is written, so a stale copy of the object never undoes another save.
        after = _values(obj)
        obj.save(update_fields=[name for name, value in after.items() if before[name] != value])
        audit_record(actor=actor, action=AuditEntry.Action.TRANSITION, obj=obj,
                     changes={"state": [state, t.target], "step": [None, t.code]}, reason=reason.strip())
    return obj


def _values(obj: models.Model) -> dict[str, Any]:
    return {f.name: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key}


@dataclass
class Action:
    """One step as the shared template draws it."""

    code: str
    label: str
    allowed: bool
    url: str
    tone: str
    reason: str
    reason_label: str
    why_not: list[str] = field(default_factory=list)
    form: forms.Form | None = None
    elsewhere: str = ""


def step_form(transition, obj: models.Model, data: Any = None) -> forms.Form | None:
    """The form a step declares, built for ``obj`` (prefixed by the step so several fit on one page)."""
    if not transition.form:
        return None
    return import_string(transition.form)(data, obj=obj, prefix=transition.code)


def workflow_actions(user: User, obj: models.Model, workflow: str, ctx: dict[str, Any] | None = None) -> list[Action]:
    """The steps the user's roles may take on ``obj``, each with its form and, when refused, why not."""
    binding = registry.get(workflow)
    actions = []
    for option in workflow_options(user, obj, workflow, ctx):
        if not option.role_held:
            continue
        t = option.transition
        actions.append(Action(
            code=t.code, label=_(t.label), allowed=option.allowed, tone=t.tone,
            url=reverse(binding.url_name, args=[obj.pk, t.code]), reason=t.reason,
            reason_label=_(t.reason_label), why_not=[render(r) for r in option.reasons],
            form=step_form(t, obj) if option.allowed and not t.elsewhere else None,
            elsewhere=_(t.elsewhere) if t.elsewhere else ""))
    return actions


def step_from_request(request: HttpRequest, obj: models.Model, workflow: str, code: str,
                      ctx: dict[str, Any] | None = None) -> bool:
    """Take step ``code`` with the posted form and reason; tell the user what happened. True when taken."""
    binding = registry.get(workflow)
    transition = binding.workflow.transition(getattr(obj, binding.state_field), code)
    form = step_form(transition, obj, request.POST) if transition is not None else None
    if form is not None and not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return False
    try:
        transition_perform(actor=request.user, obj=obj, workflow=workflow, step=code,
                           reason=request.POST.get("reason", ""), data=form.cleaned_data if form else {}, ctx=ctx)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return False
    state = getattr(obj, binding.state_field)
    messages.success(request, _("Done. Now: %(state)s.") % {"state": _(binding.workflow.state_label(state))})
    return True
