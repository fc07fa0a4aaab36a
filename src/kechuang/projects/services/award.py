"""Comprehensive check and decision: ranking per topic with a cut line at the budget, proposed awards
with the reason for any cut, and the collective decision that awards or rejects each application."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import translation
from django.utils.translation import gettext as _

from kechuang.core.audit import audit_record
from kechuang.core.models import AuditEntry, User
from kechuang.core.transitions import transition_perform
from kechuang.projects import access
from kechuang.projects.checks import integrity_clear
from kechuang.projects.domain.scoring import Candidate, TopicRanking, rank_and_fund
from kechuang.projects.formatting import translated, yuan
from kechuang.projects.models import Application, AwardDecision, Call

ALL_TOPICS = "*"
RANKED_STATE = "comprehensive_check"


def topic_budgets(call: Call) -> dict[str, Decimal]:
    """Each topic's budget when every topic has one; otherwise the whole call budget in one pool."""
    if call.topics and all(t.get("budget") for t in call.topics):
        return {t["code"]: Decimal(str(t["budget"])) for t in call.topics}
    return {ALL_TOPICS: call.total_budget}


def call_ranking(call: Call) -> dict[str, TopicRanking]:
    """Rank the scored applications awaiting decision, per topic, down to the budget's cut line."""
    budgets = topic_budgets(call)
    per_topic = ALL_TOPICS not in budgets
    rows = call.applications.filter(state=RANKED_STATE, score__isnull=False).values_list(
        "pk", "topic", "score", "requested_total")
    candidates = [Candidate(str(pk), topic if per_topic else ALL_TOPICS, float(score), requested)
                  for pk, topic, score, requested in rows]
    return rank_and_fund(candidates, budgets)


def awards_propose(*, actor: User, call: Call) -> int:
    """Store rank, proposed amount and reason on each ranked application, for the decision meeting.

    The reason is stored as text in the installation's language (``settings.LANGUAGE_CODE``), not the
    officer's browser language: the note is read later by everyone, and the decision quotes it into the
    audit trail and the applicant's notice, which are records kept as written.
    """
    if not access.is_officer(actor):
        raise access.refuse(actor, call, "propose awards", "Only programme officers may do this.")
    proposals = {p.application_id: p for r in call_ranking(call).values() for p in r.proposals}
    apps = list(call.applications.filter(pk__in=[int(k) for k in proposals]))
    with translation.override(settings.LANGUAGE_CODE):
        for app in apps:
            p = proposals[str(app.pk)]
            app.rank, app.proposed_amount = p.rank, p.proposed
            app.award_note = translated(p.template, p.params)[:300]
    with transaction.atomic():
        Application.objects.bulk_update(apps, ["rank", "proposed_amount", "award_note"])
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=call,
                     changes={"proposed": [None, sum(1 for a in apps if a.proposed_amount)]},
                     reason=_("Awards proposed from the ranking."))
    return len(apps)


def decision_record(*, actor: User, call: Call, meeting: str, minutes: str,
                    amounts: dict[int, Decimal] | None = None) -> AwardDecision:
    """Record the collective decision: award the proposed (or amended) amounts, reject the rest.

    Each application moves through the workflow on its own (audited, applicant notified); the
    integrity and budget preconditions are evaluated per application at the moment of the decision.
    The reasons written to the audit trail and the notices are in the installation's language
    (``settings.LANGUAGE_CODE``), like the award notes they quote.
    """
    if not access.roles_of(actor) & access.OVERSIGHT_ROLES:
        raise access.refuse(actor, call, "record decision", "Only programme officers may do this.")
    if not meeting.strip() or not minutes.strip():
        raise ValidationError(_("Name the meeting and give its minutes."))
    amounts = amounts or {}
    pending = list(call.applications.filter(state=RANKED_STATE).select_related("call__programme", "organisation"))
    if not pending:
        raise ValidationError(_("No application of this call awaits a decision."))
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        decision = AwardDecision.objects.create(call=call, meeting=meeting.strip(), minutes=minutes.strip(),
                                                recorded_by=actor)
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=decision, reason=minutes[:500])
        committed = call.applications.filter(awarded_amount__isnull=False).aggregate(s=Sum("awarded_amount"))["s"]
        spent = committed or Decimal(0)
        for app in sorted(pending, key=lambda a: (a.rank or 10**9, a.pk)):
            amount = amounts.get(app.pk, app.proposed_amount or Decimal(0))
            why = app.award_note or "—"
            if amount > 0 and not integrity_clear(app, app.call.deadline.date()):
                amount, why = Decimal(0), _("the applicant or its leader has an active integrity record")
            if amount > 0 and spent + amount > call.total_budget:
                amount, why = Decimal(0), _("the award does not fit the call's remaining budget")
            if amount > 0:
                transition_perform(actor=actor, obj=app, workflow="application", step="award", ctx={"amount": amount},
                                   reason=_("Awarded %(amount)s yuan by %(meeting)s.") % {"amount": yuan(amount),
                                                                                        "meeting": meeting})
                spent += amount
            else:
                transition_perform(actor=actor, obj=app, workflow="application", step="reject",
                                   reason=_("Not funded by %(meeting)s: %(why)s") % {"meeting": meeting, "why": why})
    return decision


def award_grant(*, actor: User, obj: Application, reason: str, data: dict, ctx: dict) -> None:
    """Effect of ``award``: the amount the decision grants (the engine checked it fits the call's budget)."""
    obj.awarded_amount = ctx["amount"]
