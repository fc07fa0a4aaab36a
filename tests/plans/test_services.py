"""Importing, correcting and confirming plans: one transaction, audited, permission-checked."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kechuang.core.audit import audit_for
from kechuang.core.models import AuditEntry
from kechuang.core.roles import Role
from kechuang.plans import services
from kechuang.plans.models import Item, Responsibility, Target, WorkPlan
from kechuang.plans.services import TargetInput

pytestmark = pytest.mark.django_db


def db_state() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (WorkPlan, Item, Target, Responsibility, AuditEntry))


def test_import_stores_outline_targets_and_responsibilities(world, plan_text) -> None:
    hi_tech = world.department  # named 高新处
    planner = world.user(Role.PLANNER)
    [plan] = services.plan_import(actor=planner, document=services.parse_pasted(text=plan_text))
    assert plan.status == WorkPlan.Status.DRAFT and plan.year == 2026
    assert [i.number for i in plan.items.filter(parent__isnull=True)] == ["一、", "二、"]
    targets = {t.metric: t for t in plan.targets.all()}
    assert targets["高新技术企业"].comparator == ">=" and targets["高新技术企业"].value == 50
    lab = next(t for t in targets.values() if "重点实验室" in t.metric)
    assert (lab.comparator, lab.value, lab.value_max) == ("range", 3, 5)
    lead = Responsibility.objects.get(item__number="1.", role="lead")
    assert lead.name == "高新处" and lead.organisation == hi_tech
    support = Responsibility.objects.get(item__number="1.", role="support")
    assert support.organisation is None  # a collective name stays text
    assert audit_for(plan).get().action == AuditEntry.Action.CREATE


def test_a_bad_document_stores_nothing(world) -> None:
    planner = world.user(Role.PLANNER)
    before = db_state()
    with pytest.raises(ValidationError) as info:
        services.plan_import(actor=planner,
                             document=services.parse_upload(data=b"\x00\x01\x02binary\xff" * 50, filename="x.bin"))
    assert info.value.messages[0]
    assert db_state() == before


def test_a_failure_half_way_rolls_the_whole_import_back(world, plan_text, monkeypatch) -> None:
    planner = world.user(Role.PLANNER)
    before = db_state()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Responsibility.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        services.plan_import(actor=planner, document=services.parse_pasted(text=plan_text))
    assert db_state() == before


def test_only_planners_import(world, plan_text) -> None:
    with pytest.raises(PermissionDenied):
        services.plan_import(actor=world.user(Role.ENTERPRISE_USER), document=services.parse_pasted(text=plan_text))
    with pytest.raises(PermissionDenied):
        services.plan_import(actor=world.user(Role.LEADER), document=services.parse_pasted(text=plan_text))
    assert not WorkPlan.objects.exists()


def test_correct_add_remove_and_confirm(world, plan_text) -> None:
    planner = world.user(Role.PLANNER)
    [plan] = services.plan_import(actor=planner, document=services.parse_pasted(text=plan_text))
    target = plan.targets.get(metric="高新技术企业")
    data = TargetInput(metric="新认定高新技术企业", kind="amount", comparator=">=", value=60, unit="家", year=2026,
                       item_id=target.item_id)
    services.target_update(actor=planner, target=target, data=data, reason="corrected")
    target.refresh_from_db()
    assert target.value == 60
    assert audit_for(target).get().changes["value"] == [50.0, 60.0]
    with pytest.raises(ValidationError) as info:
        services.target_create(actor=planner, plan=plan, data=TargetInput(
            metric="孵化器", kind="amount", comparator="range", value=5, unit="家", value_max=2))
    assert "value_max" in info.value.message_dict
    added = services.target_create(actor=planner, plan=plan, data=TargetInput(
        metric="孵化器", kind="amount", comparator="=", value=8, unit="家", item_id=target.item_id))
    services.target_delete(actor=planner, target=added)
    assert not Target.objects.filter(pk=added.pk).exists()
    item = target.item
    entry = services.responsibility_add(actor=planner, item=item, role="support", name="市财政局")
    services.responsibility_remove(actor=planner, entry=entry)
    services.plan_confirm(actor=planner, plan=plan)
    assert WorkPlan.objects.get(pk=plan.pk).status == WorkPlan.Status.CONFIRMED
    with pytest.raises(ValidationError):
        services.plan_confirm(actor=planner, plan=plan)
    with pytest.raises(ValidationError):  # a confirmed plan is no longer corrected here
        services.target_update(actor=planner, target=target, data=data)
    assert Target.objects.get(pk=target.pk).value == 60


def test_a_refused_edit_is_audited(world, plan_text) -> None:
    [plan] = services.plan_import(actor=world.user(Role.PLANNER), document=services.parse_pasted(text=plan_text))
    target = plan.targets.first()
    officer = world.user(Role.PROGRAMME_OFFICER)
    with pytest.raises(PermissionDenied):
        services.target_delete(actor=officer, target=target)
    assert Target.objects.filter(pk=target.pk).exists()
    assert audit_for(plan).filter(action=AuditEntry.Action.DENIED, actor=officer).exists()


def test_all_seed_documents_import(world, seeds) -> None:
    planner = world.user(Role.PLANNER)
    for path in sorted(seeds.glob("*.txt")):
        plans = services.plan_import(actor=planner, document=services.parse_upload(data=path.read_bytes(),
                                                                                  filename=path.name))
        assert plans, path.name
        assert sum(p.targets.count() for p in plans) > 0, path.name
