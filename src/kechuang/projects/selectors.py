"""Reads of the projects app, scoped to the asking user and bounded (select_related, pagination)."""

from __future__ import annotations

from django.db.models import Count, QuerySet, Sum

from kechuang.core.audit import audit_for
from kechuang.core.models import AuditEntry, User
from kechuang.core.roles import Role
from kechuang.core.search_index import filter_ranked
from kechuang.projects import access
from kechuang.projects.models import Application, Call, ReviewAssignment

# What waits for the officer in each state, in the order of the cycle.
OFFICER_WAITING = ("submitted", "recommended", "formal_check", "expert_review", "comprehensive_check", "awarded",
                   "contract_drafted", "contract_signed", "in_progress", "acceptance_requested", "accepted",
                   "failed_acceptance", "evaluated")
ROW_RELATED = ("call", "call__programme", "organisation", "organisation__region")


def visible_calls(user: User) -> QuerySet[Call]:
    """Staff see every call; others see calls that have opened (drafts stay with the bureau)."""
    qs = Call.objects.select_related("programme").annotate(n_applications=Count("applications"))
    if access.roles_of(user) & access.OVERSIGHT_ROLES:
        return qs
    return qs.exclude(status=Call.Status.DRAFT)


def call_applications(call: Call, *, state: str = "", topic: str = "", region: str = "", q: str = ""
                      ) -> QuerySet[Application]:
    qs = call.applications.select_related(*ROW_RELATED)
    if state:
        qs = qs.filter(state=state)
    if topic:
        qs = qs.filter(topic=topic)
    if region:
        qs = qs.filter(organisation__region_id__startswith=region.rstrip("0") or region)
    return filter_ranked(qs, "application", q) if q else qs.order_by("-pk")


def call_state_counts(call: Call) -> dict[str, int]:
    rows = call.applications.order_by().values("state").annotate(n=Count("pk"))
    return {r["state"]: r["n"] for r in rows}


def my_applications(user: User) -> QuerySet[Application]:
    return Application.objects.filter(organisation_id=user.organisation_id).select_related(*ROW_RELATED)


def officer_queue(user: User, *, state: str = "") -> QuerySet[Application]:
    """Applications waiting for the officer: those in an officer's state, oldest change first.

    Officers see the calls of their own programmes; bureau administrators see all.
    """
    qs = Application.objects.filter(state__in=[state] if state in OFFICER_WAITING else OFFICER_WAITING)
    if Role.BUREAU_ADMIN not in access.roles_of(user):
        qs = qs.filter(call__programme__officer=user)
    return qs.select_related(*ROW_RELATED).order_by("state_changed_at", "pk")


def officer_queue_counts(user: User) -> dict[str, int]:
    qs = Application.objects.filter(state__in=OFFICER_WAITING)
    if Role.BUREAU_ADMIN not in access.roles_of(user):
        qs = qs.filter(call__programme__officer=user)
    return {r["state"]: r["n"] for r in qs.order_by().values("state").annotate(n=Count("pk"))}


def expert_assignments(user: User) -> QuerySet[ReviewAssignment]:
    return (ReviewAssignment.objects.filter(expert=user)
            .select_related("application", "application__call", "review")
            .order_by("review__submitted_at", "due_at", "pk"))


def timeline(application: Application) -> QuerySet[AuditEntry]:
    """Every recorded change of the application, oldest first (transitions, edits, refusals)."""
    return audit_for(application).order_by("at", "id")


def funding_totals(call: Call) -> dict[str, object]:
    return call.applications.aggregate(requested=Sum("requested_total"), awarded=Sum("awarded_amount"),
                                       proposed=Sum("proposed_amount"))
