"""Expert review: conflicts of interest are never assigned, adjustments are re-checked, blind review
hides names, and scores roll up to a ranking, a decision and a notified applicant."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from kechuang.core.audit import audit_for
from kechuang.core.models import AuditEntry
from kechuang.projects.models import Application, Collaboration, ExpertProfile, ReviewAssignment
from kechuang.projects.services import review
from tests.projects.helpers import review_all, to_award, to_review

pytestmark = pytest.mark.django_db


def test_conflicted_experts_are_never_assigned(projects, world):
    same_org = projects.make_expert("same", world.enterprise)  # works at the applicant
    partner = projects.make_expert("partner", world.far_away)  # works at a cooperating organisation
    declared = projects.make_expert("declared", projects.university)
    ExpertProfile.objects.get(user=declared).declared_conflicts.add(world.enterprise)
    recent = projects.make_expert("recent", projects.university)
    Collaboration.objects.create(expert=ExpertProfile.objects.get(user=recent), organisation=world.enterprise,
                                 year=dt.date.today().year - 1)
    app = projects.draft()
    app.cooperators.add(world.far_away)
    app = to_review(projects, app)
    review.assign_call(actor=projects.officer, call=app.call)
    assigned = set(app.assignments.values_list("expert_id", flat=True))
    assert len(assigned) == 3
    assert assigned.isdisjoint({same_org.pk, partner.pk, declared.pk, recent.pk})
    assert all(e.notifications.exists() for e in projects.experts if e.pk in assigned)


def test_officer_adjustment_is_revalidated(projects, world):
    conflicted = projects.make_expert("same", world.enterprise)
    app = to_review(projects, projects.draft())
    review.assign_call(actor=projects.officer, call=app.call)
    old = app.assignments.first().expert
    with pytest.raises(ValidationError):
        review.assignment_replace(actor=projects.officer, application=app, old_expert=old, new_expert=conflicted,
                                  reason="回避")
    assert not app.assignments.filter(expert=conflicted).exists()
    free = next(e for e in projects.experts if not app.assignments.filter(expert=e).exists())
    review.assignment_replace(actor=projects.officer, application=app, old_expert=old, new_expert=free,
                              reason="专家出差")
    assert app.assignments.filter(expert=free).exists()


def test_unassigned_expert_is_refused_and_audited(projects):
    app = to_review(projects, projects.draft())
    review.assign_call(actor=projects.officer, call=app.call)
    outsider = next(e for e in projects.experts if not app.assignments.filter(expert=e).exists())
    with pytest.raises(PermissionDenied):
        review.review_submit(actor=outsider, application=app, scores={"merit": 1, "team": 1, "plan": 1},
                             comment="x")
    client = Client()
    client.force_login(outsider)
    response = client.get(f"/projects/applications/{app.pk}/")
    assert response.status_code == 403
    assert "该申报书未分配给您评审" in response.content.decode()
    assert audit_for(app).filter(action=AuditEntry.Action.DENIED, actor=outsider).count() == 2


def test_blind_review_hides_the_applicant_from_the_expert(projects):
    app = to_review(projects, projects.draft())
    review.assign_call(actor=projects.officer, call=app.call)
    expert = app.assignments.first().expert
    client = Client()
    client.force_login(expert)
    page = client.get(f"/projects/applications/{app.pk}/review/").content.decode()
    assert app.title in page
    assert app.organisation.name not in page and app.leader_name not in page
    assert client.get(f"/projects/applications/{app.pk}/timeline/").status_code == 403


def test_applicant_cannot_see_reviewer_names_under_blind_review(projects):
    app = review_all(projects, to_review(projects, projects.draft()))
    client = Client()
    client.force_login(projects.applicant)
    response = client.get(f"/projects/applications/{app.pk}/reviewers/")
    assert response.status_code == 403
    assert audit_for(app).filter(action=AuditEntry.Action.DENIED, reason__startswith="see reviewers").exists()
    client.force_login(projects.officer)
    assert client.get(f"/projects/applications/{app.pk}/reviewers/").status_code == 200


def test_review_scores_rank_and_decide(projects):
    app = to_award(projects, projects.draft())
    assert app.state == "awarded"
    assert app.score is not None and app.rank == 1
    assert app.awarded_amount == app.requested_total
    assert projects.applicant.notifications.filter(title__contains=app.title).exists()


def test_low_score_is_rejected_with_the_reason(projects):
    app = review_all(projects, to_review(projects, projects.draft()), points=(10, 10, 10))
    review.call_score(actor=projects.officer, call=app.call)
    from kechuang.projects.services import award

    award.awards_propose(actor=projects.officer, call=app.call)
    award.decision_record(actor=projects.officer, call=app.call, meeting="局务会", minutes="按排名")
    app = Application.objects.get(pk=app.pk)
    assert app.state == "rejected" and "低于及格线 60" in app.award_note
    # Written in the installation's language although the officer's session is in English (see conftest).
    rejection = audit_for(app).filter(action=AuditEntry.Action.TRANSITION).latest("at", "id")
    assert "低于及格线" in rejection.reason and "pass mark" not in rejection.reason
    notice = projects.applicant.notifications.latest("pk")
    assert "pass mark" not in notice.body and "未立项" in notice.title


def test_review_cannot_close_before_every_expert_scored(projects):
    app = to_review(projects, projects.draft())
    review.assign_call(actor=projects.officer, call=app.call)
    with pytest.raises(ValidationError):
        review.review_close(actor=projects.officer, application=app)
    assert ReviewAssignment.objects.filter(application=app).count() == 3
