"""Who may see and do what on an application, each answer with its reason.

The workflow table (``domain.workflow``) says which *workflow role* may take a transition; this module
says which workflow roles a user holds on one application, and who may open it at all. Refusals are
written to the audit trail before ``PermissionDenied`` is raised, outside any write transaction, so the
``denied`` row survives the refusal.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import models

from kechuang.core.actors import actor_of
from kechuang.core.audit import refuse as core_refuse
from kechuang.core.models import User
from kechuang.core.permissions import Decision, region_prefix
from kechuang.core.roles import OrgKind, Role
from kechuang.i18n import gettext_noop
from kechuang.projects.domain.workflow import Role as FlowRole
from kechuang.projects.models import Application

STAFF_ROLES = frozenset({Role.PROGRAMME_OFFICER, Role.BUREAU_ADMIN})
OVERSIGHT_ROLES = STAFF_ROLES | {Role.LEADER}


def roles_of(user: User) -> frozenset[Role]:
    return actor_of(user).roles


def is_officer(user: User) -> bool:
    return bool(roles_of(user) & STAFF_ROLES)


def is_applicant_of(user: User, application: Application) -> bool:
    return Role.ENTERPRISE_USER in roles_of(user) and user.organisation_id == application.organisation_id


def is_recommender_of(user: User, application: Application) -> bool:
    """District bureau staff recommend the applications of organisations in their county."""
    org = user.organisation
    if org is None or Role.DEPARTMENT_USER not in roles_of(user) or org.kind != OrgKind.DISTRICT_BUREAU:
        return False
    return application.organisation.region_id.startswith(region_prefix(org.region_id))


def is_assigned_expert(user: User, application: Application) -> bool:
    return application.assignments.filter(expert=user).exists()


def flow_roles(user: User, application: Application) -> list[str]:
    """The workflow roles ``user`` holds on ``application``, most specific first."""
    roles = roles_of(user)
    held = []
    if is_applicant_of(user, application):
        held.append(FlowRole.APPLICANT)
    if application.call.requires_recommendation and is_recommender_of(user, application):
        held.append(FlowRole.RECOMMENDER)
    if roles & STAFF_ROLES:
        held.append(FlowRole.OFFICER)
    if Role.LEADER in roles:
        held.append(FlowRole.LEADERSHIP)
    return held


def may_view(user: User, application: Application) -> Decision:
    roles = roles_of(user)
    if roles & OVERSIGHT_ROLES:
        return Decision(True, "Bureau staff follow every application.")
    if is_applicant_of(user, application):
        return Decision(True, "Applicants see their own organisation's applications.")
    if application.call.requires_recommendation and is_recommender_of(user, application):
        return Decision(True, "Recommending units see the applications of their area.")
    if Role.EXPERT in roles and is_assigned_expert(user, application):
        return Decision(True, "Experts see the applications assigned to them.")
    if Role.EXPERT in roles:
        return Decision(False, gettext_noop("This application is not assigned to you for review."))
    return Decision(False, gettext_noop("This application belongs to another organisation."))


def may_see_applicant(user: User, application: Application) -> bool:
    """Under blind review an expert sees no applicant names; everyone else who may view does."""
    if not application.call.blind:
        return True
    return bool(roles_of(user) & OVERSIGHT_ROLES) or is_applicant_of(user, application) or (
        is_recommender_of(user, application))


def may_see_reviewers(user: User, application: Application) -> Decision:
    if roles_of(user) & OVERSIGHT_ROLES:
        return Decision(True, "Bureau staff see who reviewed.")
    if application.call.blind:
        return Decision(False, gettext_noop("Reviewers stay anonymous under blind review."))
    return may_view(user, application)


def refuse(user: User, obj: models.Model, what: str, reason: str) -> PermissionDenied:
    """Audit a refused attempt and return the exception to raise (the message is translated)."""
    return core_refuse(actor=user, reason=reason, obj=obj, what=what)


def ensure(user: User, decision: Decision, obj: models.Model, what: str) -> None:
    if not decision.allowed:
        raise refuse(user, obj, what, decision.reason)


def ensure_flow_role(user: User, application: Application, role: str, what: str) -> None:
    """Refuse (audited) unless ``user`` holds workflow role ``role`` on ``application`` (steps that are not
    transitions: editing a draft, answering a formal check, recording a change request)."""
    if role not in flow_roles(user, application):
        raise refuse(user, application, what, gettext_noop("Your role may not take this step on this application."))
