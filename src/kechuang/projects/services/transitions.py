"""Moving an application through the declared workflow: permission, preconditions, audit, notice.

Every state change of an application goes through :func:`transition`. It asks the workflow table
whether one of the user's workflow roles may take the step; a refusal for the *role* is an access
refusal (audited, ``PermissionDenied``), a refusal for a *precondition* is a validation error naming
every unmet condition. Permission is checked before the write transaction opens.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kechuang.core.audit import audit_record
from kechuang.core.models import AuditEntry, User
from kechuang.core.notifications import notify
from kechuang.projects import access
from kechuang.projects.domain.workflow import APPLICATION_LIFECYCLE, PRECONDITIONS, check_transition
from kechuang.projects.models import Application

WORKFLOW = APPLICATION_LIFECYCLE


def state_label(code: str) -> str:
    state = WORKFLOW.states.get(code)
    return _(state.label) if state else code


def choose_role(user: User, application: Application, code: str) -> str | None:
    """The first workflow role of the user that the transition accepts (None: none does)."""
    step = WORKFLOW.transition(application.state, code)
    held = access.flow_roles(user, application)
    if step is None:
        return held[0] if held else None
    return next((r for r in held if r in step.roles), None)


def transition(
    *,
    actor: User,
    application: Application,
    code: str,
    reason: str = "",
    facts: Mapping[str, bool] | None = None,
    before_commit: Callable[[Application], None] | None = None,
) -> Application:
    """Take transition ``code``; ``before_commit`` writes the step's own records in the same transaction."""
    role = choose_role(actor, application, code)
    facts = {**(facts or {}), "reason_given": bool(reason.strip())}
    decision = check_transition(WORKFLOW, application.state, code, role or "none", facts)
    if not decision.allowed and not decision.missing:
        step = WORKFLOW.transition(application.state, code)
        if step is not None and role is None:
            raise access.refuse(actor, application, f"transition {code}",
                                "Your role may not take this step on this application.")
        raise ValidationError(_("This step is not possible now: the application is “%(state)s”.")
                              % {"state": state_label(application.state)})
    if not decision.allowed:
        raise ValidationError([_("Cannot take this step: %(why)s.") % {"why": _(PRECONDITIONS[p])}
                               for p in decision.missing])
    step = WORKFLOW.transition(application.state, code)
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.state != application.state:
            raise ValidationError(_("Someone else changed this application meanwhile; reload the page."))
        before = application.state
        application.state = step.target
        application.state_changed_at = timezone.now()
        if before_commit is not None:
            before_commit(application)
        application.save()
        audit_record(actor=actor, action=AuditEntry.Action.TRANSITION, obj=application,
                     changes={"state": [before, step.target], "step": [None, code]}, reason=reason)
        _notify_people(application, actor, step.target, reason)
    return application


def _notify_people(application: Application, actor: User, target: str, reason: str) -> None:
    """Tell the applicant's users of every change made by someone else, and the officer of submissions.

    The notice is written in the installation's language, not the acting user's: it is stored and read
    later by others.
    """
    link = reverse("projects:application_detail", args=[application.pk])
    with translation.override(settings.LANGUAGE_CODE):
        title = _("“%(title)s” is now: %(state)s") % {"title": application.title, "state": state_label(target)}
    recipients = set()
    if not access.is_applicant_of(actor, application):
        recipients |= set(User.objects.filter(organisation_id=application.organisation_id,
                                              role_grants__role="enterprise_user", is_active=True))
    if target in {"submitted", "recommended", "acceptance_requested"}:
        recipients.add(application.call.programme.officer)
    for user in recipients:
        if user.pk != actor.pk:
            notify(recipient=user, title=title[:200], body=reason, link=link)


def ensure_flow_role(actor: User, application: Application, role: str, what: str) -> None:
    """Refuse (audited) unless ``actor`` holds workflow role ``role`` on ``application``."""
    if role not in access.flow_roles(actor, application):
        raise access.refuse(actor, application, what, "Your role may not take this step on this application.")

