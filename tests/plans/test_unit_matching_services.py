"""Unit matching against stored organisations: the seed against the demo, aliases, the planner's hand match."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kechuang.core import services as core_services
from kechuang.core.demo import load_demo_data
from kechuang.core.models import AuditEntry, Organisation, OrganisationAlias, User
from kechuang.core.roles import Role
from kechuang.plans import services
from kechuang.plans.models import Responsibility

pytestmark = pytest.mark.django_db


def test_the_seed_plan_prefills_every_lead_unit_against_the_demo(seeds) -> None:
    load_demo_data(enterprises=5)
    planner = User.objects.get(username="planner")
    data = (seeds / "003_92efa301420ef756.txt").read_bytes()
    plans = services.plan_import(actor=planner, document=services.parse_upload(
        data=data, filename="003_92efa301420ef756.txt"))
    leads = Responsibility.objects.filter(item__plan__in=plans, role=Responsibility.Role.LEAD)
    assert leads.count() >= 15
    assert sorted({r.name for r in leads if r.organisation_id is None}) == []
    named = {r.name: r.organisation.name for r in leads.select_related("organisation")}
    assert named["高新处"].endswith("高新技术处") and named["社发处"].endswith("社会发展科技处")
    assert named["成果处"].endswith("成果转化与区域创新处") and named["农村处"].endswith("农村科技处")


PLAN = """海滨市科学技术局2026年工作要点
一、提升企业创新能力
1.培育高新技术企业。全年新认定高新技术企业50家以上。（牵头单位：火炬办）
2.加强研发投入。研发投入占比达到2.5%。（牵头单位：火炬办）
"""


def test_a_hand_match_is_remembered_as_an_alias_and_applied_to_the_same_name(world) -> None:
    planner = world.user(Role.PLANNER)
    [plan] = services.plan_import(actor=planner, document=services.parse_pasted(text=PLAN))
    rows = list(Responsibility.objects.filter(item__plan=plan, name="火炬办"))
    assert len(rows) == 2 and all(r.organisation_id is None for r in rows)
    assert services.responsibility_match(actor=planner, entry=rows[0], organisation=world.department) == 2
    assert set(Responsibility.objects.filter(name="火炬办").values_list("organisation", flat=True)) == {
        world.department.pk}
    assert OrganisationAlias.objects.get(text="火炬办").organisation == world.department
    # The next import recognises the name by its alias.
    [again] = services.plan_import(actor=planner, document=services.parse_pasted(text=PLAN))
    assert Responsibility.objects.filter(item__plan=again, organisation=world.department).count() == 2


def test_only_admins_and_planners_edit_aliases_and_a_refusal_is_audited(world) -> None:
    org: Organisation = world.department
    alias = core_services.organisation_alias_add(actor=world.user(Role.PLANNER), organisation=org, text="高 新 办")
    assert alias.text == "高新办"
    with pytest.raises(PermissionDenied):
        core_services.organisation_alias_add(actor=world.user(Role.DEPARTMENT_USER), organisation=org, text="x办")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DENIED).exists()
    with pytest.raises(ValidationError):
        core_services.organisation_alias_add(actor=world.user(Role.BUREAU_ADMIN), organisation=org, text="高新办")
    core_services.organisation_alias_remove(actor=world.user(Role.BUREAU_ADMIN), alias=alias)
    assert not OrganisationAlias.objects.exists()
