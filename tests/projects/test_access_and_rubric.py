"""Files of an application open to whoever may open it and to no one else; rubric totals add up."""

from __future__ import annotations

import pytest
from django.test import Client

from kechuang.core.models import Attachment, AuditEntry
from kechuang.projects.services import review
from tests.projects.helpers import to_review

pytestmark = pytest.mark.django_db


def test_assigned_expert_opens_the_report_and_others_are_refused(projects) -> None:
    app = to_review(projects, projects.draft())
    review.assign_call(actor=projects.officer, call=app.call)
    attachment = Attachment.objects.filter(owner_id=str(app.pk)).first()
    assert attachment is not None
    assigned = app.assignments.first().expert
    client = Client()
    client.force_login(assigned)
    assert client.get(f"/attachments/{attachment.pk}/").status_code == 200
    outsider = next(e for e in projects.experts if not app.assignments.filter(expert=e).exists())
    client.force_login(outsider)
    assert client.get(f"/attachments/{attachment.pk}/").status_code == 403
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DENIED, actor=outsider,
                                     object_id=str(app.pk)).count() == 1
    client.force_login(projects.other_applicant)
    assert client.get(f"/attachments/{attachment.pk}/").status_code == 403


def test_an_experts_total_is_the_sum_of_its_points(projects) -> None:
    """Criteria of 40 + 30 + 30 points: a total out of 100 is the points added up, not an average."""
    from kechuang.projects.services.review import rubric_of

    rubric = rubric_of(projects.call)
    assert rubric.total({"merit": 25, "team": 24, "plan": 15}) == pytest.approx(64)
