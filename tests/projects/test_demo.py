"""The demo command builds a call in each phase through the services, and a second run changes nothing."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from kechuang.core.demo import load_demo_data
from kechuang.projects.models import Application, Call

pytestmark = pytest.mark.django_db


def test_project_demo_data_is_idempotent(_media):
    load_demo_data(enterprises=12)
    call_command("project_demo_data")
    assert set(Call.objects.values_list("status", flat=True)) == set(Call.Status.values)
    titles = list(Call.objects.values_list("title", flat=True))
    assert len(set(titles)) == len(titles) == len(Call.Status.values)
    states = set(Application.objects.values_list("state", flat=True))
    assert {"draft", "submitted", "returned", "expert_review", "awarded", "rejected", "in_progress", "closed"} <= states
    count = Application.objects.count()
    call_command("project_demo_data")
    assert Application.objects.count() == count
    assert sorted(Call.objects.values_list("title", flat=True)) == sorted(titles)
