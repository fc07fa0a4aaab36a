"""Across plans: an annual target recorded as carrying forward a longer plan's target, with its share."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kechuang.core.roles import Role
from kechuang.plans import services as plan_services
from kechuang.tracking.models import Assignment, TargetLink
from kechuang.tracking.services import assignments_prefill

pytestmark = pytest.mark.django_db

FIVE_YEAR = """海滨市科技创新发展规划（2021-2025年）
一、壮大创新主体
1.到2025年，高新技术企业达到1000家。（牵头单位：高新处）
"""
ANNUAL = """海滨市科学技术局2025年工作要点
一、培育创新主体
1.全年高新技术企业达到1000家。（牵头单位：高新处）
"""


def test_planner_links_an_annual_target_to_the_five_year_one(client, world) -> None:
    planner = world.user(Role.PLANNER)
    plans = []
    for text in (FIVE_YEAR, ANNUAL):
        [plan] = plan_services.plan_import(actor=planner, document=plan_services.parse_pasted(text=text))
        plan_services.plan_confirm(actor=planner, plan=plan)
        assignments_prefill(actor=planner, plan=plan)
        plans.append(plan)
    parent = plans[0].targets.get()
    child_assignment = Assignment.objects.get(plan=plans[1])
    client.force_login(planner)
    page = client.get(reverse("tracking:target", args=[child_assignment.pk])).content.decode()
    assert f'<option value="{parent.pk}">' in page
    response = client.post(reverse("tracking:target", args=[child_assignment.pk]),
                           {"link": "1", "parent": parent.pk, "share": "20"})
    assert response.status_code == 302
    link = TargetLink.objects.get()
    assert (link.parent, link.child, link.share) == (parent, child_assignment.target, 0.2)
    bad = client.post(reverse("tracking:target", args=[child_assignment.pk]),
                      {"link": "1", "parent": parent.pk, "share": "250"}, follow=True)
    assert TargetLink.objects.get().share == 0.2
    assert bad.status_code == 200
