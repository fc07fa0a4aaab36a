"""The JSON API: same scoping, refusals and checks as the pages."""

from __future__ import annotations

import pytest
from django.test import Client

from kechuang.core.services import api_token_create

pytestmark = pytest.mark.django_db


def bearer(user) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=user, user=user, name='t')}"}


def test_applicant_reads_own_application_and_is_refused_anothers(projects):
    app = projects.draft()
    client = Client()
    mine = client.get(f"/api/v1/projects/applications/{app.pk}", **bearer(projects.applicant))
    assert mine.status_code == 200 and mine.json()["state"] == "draft"
    other = client.get(f"/api/v1/projects/applications/{app.pk}", **bearer(projects.other_applicant))
    assert other.status_code == 403


def test_submit_over_the_api_runs_the_checks(projects):
    from decimal import Decimal

    app = projects.draft(operations=Decimal(900_000))
    response = Client().post(f"/api/v1/projects/applications/{app.pk}/submit", **bearer(projects.applicant))
    assert response.status_code == 422
    ok = projects.draft(title="另一个完全不同的项目题目与内容", summary="全新的研究内容与技术路线描述文本。")
    assert Client().post(f"/api/v1/projects/applications/{ok.pk}/submit",
                         **bearer(projects.applicant)).json()["state"] == "submitted"


def test_officer_lists_a_calls_applications(projects):
    projects.draft()
    response = Client().get(f"/api/v1/projects/calls/{projects.call.pk}/applications", **bearer(projects.officer))
    assert response.status_code == 200 and response.json()["count"] == 1
    refused = Client().get(f"/api/v1/projects/calls/{projects.call.pk}/applications", **bearer(projects.applicant))
    assert refused.status_code == 403
