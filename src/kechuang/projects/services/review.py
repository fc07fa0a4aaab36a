"""Expert review: the pool, automatic assignment without conflicts of interest, the officer's
adjustments re-validated by the same rules, rubric scoring, and closing the review with normalised,
trimmed scores and outlier flags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kechuang.core.audit import audit_record
from kechuang.core.models import AuditEntry, User
from kechuang.core.notifications import notify
from kechuang.core.transitions import transition_perform
from kechuang.i18n import gettext_noop
from kechuang.projects import access
from kechuang.projects.domain import conflicts as coi
from kechuang.projects.domain.assignment import assign_experts, validate_assignment
from kechuang.projects.domain.scoring import (
    Criterion,
    Rubric,
    normalise_per_expert,
    review_totals,
    score_applications,
)
from kechuang.projects.domain.scoring import Review as ScoredReview
from kechuang.projects.models import Application, Call, ExpertProfile, Review, ReviewAssignment

IN_REVIEW = "expert_review"


def expert_facts(profiles: Iterable[ExpertProfile], load_taken: dict[int, int] | None = None) -> list[coi.Expert]:
    """Domain facts of each expert; ``cap`` is what is left of its cap after ``load_taken``."""
    taken = load_taken or {}
    return [
        coi.Expert(
            id=str(p.user_id), organisation_id=str(p.user.organisation_id), fields=tuple(p.fields),
            cap=max(p.max_load - taken.get(p.user_id, 0), 0), available=p.available,
            declared_organisations=frozenset(str(o.pk) for o in p.declared_conflicts.all()),
            # The expert's own ID number: an expert on the application's team is a conflict.
            declared_persons=frozenset({p.id_number} if p.id_number else ()),
            collaborations=tuple(coi.Collaboration(str(c.organisation_id), dt.date(c.year, 12, 31))
                                 for c in p.collaborations.all()),
        )
        for p in profiles
    ]


def application_facts(apps: Iterable[Application]) -> list[coi.Application]:
    return [
        coi.Application(
            id=str(a.pk), organisation_id=str(a.organisation_id), fields=(a.field,) if a.field else (),
            cooperating_organisations=frozenset(str(o.pk) for o in a.cooperators.all()),
            person_ids=frozenset(p for p in [a.leader_id_number, *(m.get("id_number", "") for m in a.team)] if p),
        )
        for a in apps
    ]


def _pool() -> list[ExpertProfile]:
    return list(ExpertProfile.objects.select_related("user").prefetch_related("declared_conflicts",
                                                                              "collaborations"))


def _officer_only(actor: User, obj, what: str) -> None:
    if not access.is_officer(actor):
        raise access.refuse(actor, obj, what, "Only programme officers may do this.")


def _notify_experts(expert_ids: Iterable[int], call: Call) -> None:
    link = reverse("projects:expert_queue")
    for user in User.objects.filter(pk__in=set(expert_ids)):
        notify(recipient=user, title=_("New applications to review: %(call)s") % {"call": call.title}, link=link,
               body=_("Please submit your reviews by %(due)s.") % {
                   "due": timezone.localtime(call.review_deadline).strftime("%Y-%m-%d") if call.review_deadline
                   else "—"})


def assign_call(*, actor: User, call: Call, on: dt.date | None = None) -> dict[str, list[str]]:
    """Assign ``call.experts_per_application`` experts to every application in review that lacks them.

    Returns the applications left short with the reason (no conflict is ever assigned to fill them).
    """
    _officer_only(actor, call, "assign experts")
    on = on or timezone.localdate()
    apps = list(call.applications.filter(state=IN_REVIEW, assignments__isnull=True)
                .prefetch_related("cooperators"))
    if not apps:
        return {}
    taken = _loads(call)
    result = assign_experts(application_facts(apps), expert_facts(_pool(), taken),
                            k=call.experts_per_application, on=on)
    rows = [ReviewAssignment(application_id=int(app_id), expert_id=int(expert_id), assigned_by=actor,
                             due_at=call.review_deadline)
            for app_id, experts in result.assignments.items() for expert_id in experts]
    with transaction.atomic():
        ReviewAssignment.objects.bulk_create(rows)
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=call,
                     changes={"assignments": [None, len(rows)]},
                     reason=_("Automatic expert assignment: %(n)s applications.") % {"n": len(apps)})
        _notify_experts((r.expert_id for r in rows), call)
    return {u.application_id: [u.reason] for u in result.unstaffed}


def _loads(call: Call, exclude: Application | None = None) -> dict[int, int]:
    """Applications of ``call`` each expert already reviews (optionally not counting one application)."""
    loads: dict[int, int] = {}
    rows = ReviewAssignment.objects.filter(application__call=call)
    if exclude is not None:
        rows = rows.exclude(application=exclude)
    for expert_id in rows.values_list("expert_id", flat=True):
        loads[expert_id] = loads.get(expert_id, 0) + 1
    return loads


def assignment_replace(*, actor: User, application: Application, old_expert: User, new_expert: User,
                       reason: str, on: dt.date | None = None) -> ReviewAssignment:
    """The officer swaps one expert for another; the conflict and load rules are checked again."""
    _officer_only(actor, application, "adjust assignment")
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why the assignment is changed.")]})
    current = application.assignments.filter(expert=old_expert).select_related("review").first()
    if current is None:
        raise ValidationError(_("%(name)s is not assigned to this application.") % {"name": old_expert})
    if hasattr(current, "review"):
        raise ValidationError(_("This expert has already submitted a review."))
    ids = [str(e) for e in application.assignments.exclude(expert=old_expert).values_list("expert_id", flat=True)]
    ids.append(str(new_expert.pk))
    profiles = [p for p in _pool() if str(p.user_id) in ids]
    if not any(p.user_id == new_expert.pk for p in profiles):
        raise ValidationError(_("%(name)s is not in the expert pool.") % {"name": new_expert})
    # Caps left once the expert's work on the call's *other* applications is counted.
    elsewhere = _loads(application.call, exclude=application)
    problems = validate_assignment({str(application.pk): ids}, application_facts([application]),
                                   expert_facts(profiles, elsewhere), on=on or timezone.localdate())
    if problems:
        raise ValidationError([_(p.template).format(**p.params) for p in problems])
    with transaction.atomic():
        current.expert = new_expert
        current.assigned_by = actor
        current.save(update_fields=["expert", "assigned_by"])
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=application,
                     changes={"expert": [old_expert.pk, new_expert.pk]}, reason=reason)
        _notify_experts([new_expert.pk], application.call)
    return current


def rubric_of(call: Call) -> Rubric:
    """The call's rubric; a criterion weighs its maximum points unless the call sets a weight, so an
    expert's total is the plain sum of the points given (30 + 30 + 20 + 20 criteria → out of 100)."""
    return Rubric(tuple(Criterion(c["code"], c.get("label", c["code"]), float(c.get("weight", c["max"])),
                                  float(c["max"])) for c in call.rubric))


def review_submit(*, actor: User, application: Application, scores: dict[str, float], comment: str) -> Review:
    """An assigned expert scores the application by the call's rubric, once, before review closes."""
    assignment = application.assignments.filter(expert=actor).first()
    if assignment is None:
        raise access.refuse(actor, application, "submit review",
                            gettext_noop("This application is not assigned to you for review."))
    if application.state != IN_REVIEW:
        raise ValidationError(_("Expert review of this application is closed."))
    if hasattr(assignment, "review"):
        raise ValidationError(_("You have already submitted your review."))
    if not comment.strip():
        raise ValidationError({"comment": [_("Write your comments for the panel.")]})
    rubric = rubric_of(application.call)
    try:
        total = rubric.total({c.code: float(scores.get(c.code, -1)) for c in rubric.criteria})
    except ValueError:
        raise ValidationError(_("Score every criterion within its range.")) from None
    with transaction.atomic():
        review = Review.objects.create(assignment=assignment, scores=scores, comment=comment.strip(),
                                       total=Decimal(str(round(total, 2))))
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=application,
                     changes={"review": [None, review.pk]})
    return review


def reviews_complete(application: Application) -> bool:
    assignments = list(application.assignments.all())
    return bool(assignments) and all(hasattr(a, "review") for a in assignments)


def review_close(*, actor: User, application: Application) -> Application:
    """Close expert review once every assigned expert has scored (moves to the comprehensive check)."""
    return transition_perform(actor=actor, obj=application, workflow="application", step="complete_review")


def call_score(*, actor: User, call: Call) -> int:
    """Normalise each expert's totals over the call, take trimmed means, flag outliers; store them."""
    _officer_only(actor, call, "score call")
    reviews = list(Review.objects.filter(assignment__application__call=call).select_related("assignment"))
    if not reviews:
        return 0
    rubric = rubric_of(call)
    facts = [ScoredReview(str(r.assignment.application_id), str(r.assignment.expert_id),
                          {k: float(v) for k, v in r.scores.items()}) for r in reviews]
    scored = score_applications(rubric, facts)
    totals = normalise_per_expert(review_totals(rubric, facts), rubric.scale)
    flagged = {(s.application_id, o.expert_id) for s in scored.values() for o in s.outliers}
    with transaction.atomic():
        for r in reviews:
            key = (str(r.assignment.application_id), str(r.assignment.expert_id))
            r.normalised = Decimal(str(round(totals.get(key, float(r.total)), 2)))
            r.outlier = key in flagged
        Review.objects.bulk_update(reviews, ["normalised", "outlier"])
        apps = list(call.applications.filter(pk__in=[int(k) for k in scored]))
        for app in apps:
            app.score = Decimal(str(round(scored[str(app.pk)].score, 2)))
        Application.objects.bulk_update(apps, ["score"])
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=call,
                     changes={"scored": [None, len(apps)]}, reason=_("Scores normalised and combined."))
    return len(apps)
