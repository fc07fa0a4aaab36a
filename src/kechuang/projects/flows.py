"""The application lifecycle bound to what projects knows: the facts its preconditions read, who holds
which workflow role on an application, and what every step does besides (stamp the time, tell people)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kechuang.core.models import User
from kechuang.core.notifications import notify
from kechuang.core.workflow import Binding, Transition, registry
from kechuang.projects import access
from kechuang.projects.checks import CheckReport, integrity_clear, submission_report
from kechuang.projects.domain.workflow import APPLICATION_LIFECYCLE
from kechuang.projects.models import Application
from kechuang.projects.services.review import reviews_complete

WORKFLOW = APPLICATION_LIFECYCLE.code


def state_label(code: str) -> str:
    return _(APPLICATION_LIFECYCLE.state_label(code))


def _report(app: Application, ctx: Mapping[str, Any]) -> CheckReport:
    """The submission checks, run once per answer (the caller may pass a report it already has)."""
    cache = ctx if isinstance(ctx, dict) else {}
    if "report" not in cache:
        cache["report"] = submission_report(app, ctx.get("now"))
    return cache["report"]


def _no_problem_in(*sections: str):
    def fact(app: Application, ctx: Mapping[str, Any]) -> bool:
        return not any(p["section"] in sections for p in _report(app, ctx).problems)
    return fact


def _within_budget(app: Application, ctx: Mapping[str, Any]) -> bool:
    """The amount to award (``ctx["amount"]``, else the proposal) fits what the call has left."""
    amount = Decimal(ctx.get("amount") or app.proposed_amount or 0)
    spent = app.call.applications.exclude(pk=app.pk).aggregate(s=Sum("awarded_amount"))["s"] or Decimal(0)
    return amount > 0 and spent + amount <= app.call.total_budget


def _contract(app: Application) -> Any:
    return getattr(app, "contract", None)


FACTS = {
    "before_deadline": _no_problem_in("deadline"),
    "eligible": _no_problem_in("eligibility", "integrity", "leader"),
    "budget_valid": _no_problem_in("budget"),
    "complete": _no_problem_in("completeness"),
    "not_duplicate": _no_problem_in("duplicates"),
    "recommender_required": lambda app, ctx: app.call.requires_recommendation,
    "no_recommender_required": lambda app, ctx: not app.call.requires_recommendation,
    "reviews_complete": lambda app, ctx: reviews_complete(app),
    "integrity_clear": lambda app, ctx: integrity_clear(app, app.call.deadline.date()),
    "within_budget": _within_budget,
    "contract_kpis_set": lambda app, ctx: bool(_contract(app) and _contract(app).kpis),
    "contract_signed_by_applicant": lambda app, ctx: bool(_contract(app) and _contract(app).signed_by_applicant_at),
    "midterm_report_submitted": lambda app, ctx: getattr(app, "midterm", None) is not None,
    "funds_settled": lambda app, ctx: bool(getattr(app, "evaluation", None) and app.evaluation.funds_settled),
}


def _after_step(app: Application, actor: User, step: Transition, previous: str, reason: str) -> None:
    """Every step: stamp the time of the change; tell the applicant's users of a change someone else made,
    and the programme officer of what waits for them. Notices are written in the installation's language
    (they are stored and read later by others)."""
    app.state_changed_at = timezone.now()
    link = reverse("projects:application_detail", args=[app.pk])
    with translation.override(settings.LANGUAGE_CODE):
        title = _("“%(title)s” is now: %(state)s") % {"title": app.title, "state": state_label(app.state)}
    recipients = set()
    if not access.is_applicant_of(actor, app):
        recipients |= set(User.objects.filter(organisation_id=app.organisation_id,
                                              role_grants__role="enterprise_user", is_active=True))
    if app.state in {"submitted", "recommended", "acceptance_requested"}:
        recipients.add(app.call.programme.officer)
    for user in recipients:
        if user.pk != actor.pk:
            notify(recipient=user, title=title[:200], body=reason, link=link)


def register() -> None:
    registry.register(Binding(APPLICATION_LIFECYCLE, facts=FACTS, roles_of=access.flow_roles,
                              url_name="projects:application_step", on_transition=_after_step))
