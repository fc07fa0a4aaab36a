"""Organisation writes: validation, permission, and the audit trail."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import override

from kechuang.core.audit import audit_for
from kechuang.core.models import AuditEntry, Organisation
from kechuang.core.roles import OrgKind, Role
from kechuang.core.services import OrganisationInput, organisation_create, organisation_delete, organisation_update
from kechuang.core.uscc import make_uscc_from_parts

GOOD_CODE = make_uscc_from_parts("330203", "MA00AB12")


def payload(**overrides) -> OrganisationInput:
    values = {"name": "新创科技有限公司", "kind": OrgKind.ENTERPRISE.value, "region_code": "330203", "uscc": GOOD_CODE}
    values.update(overrides)
    return OrganisationInput(**values)


def test_create_stores_and_audits(world) -> None:
    officer = world.user(Role.PROGRAMME_OFFICER)
    org = organisation_create(actor=officer, data=payload(), reason="registered at the service desk")
    entry = audit_for(org).get()
    assert entry.action == AuditEntry.Action.CREATE
    assert entry.actor == officer
    assert entry.changes["uscc"] == [None, GOOD_CODE]
    assert entry.reason == "registered at the service desk"


def test_wrong_check_character_is_refused_and_nothing_stored(world) -> None:
    officer = world.user(Role.PROGRAMME_OFFICER)
    bad = GOOD_CODE[:-1] + ("0" if GOOD_CODE[-1] != "0" else "1")
    before = (Organisation.objects.count(), AuditEntry.objects.count())
    with override("en"), pytest.raises(ValidationError) as info:
        organisation_create(actor=officer, data=payload(uscc=bad))
    assert "position 18" in info.value.message_dict["uscc"][0]
    assert (Organisation.objects.count(), AuditEntry.objects.count()) == before


def test_credit_code_is_normalised(world) -> None:
    officer = world.user(Role.PROGRAMME_OFFICER)
    spaced = " ".join([GOOD_CODE[:9], GOOD_CODE[9:].lower()])
    assert organisation_create(actor=officer, data=payload(uscc=spaced)).uscc == GOOD_CODE


def test_unknown_region_is_refused(world) -> None:
    admin = world.user(Role.BUREAU_ADMIN)
    with pytest.raises(ValidationError) as info:
        organisation_create(actor=admin, data=payload(region_code="339999"))
    assert "339999" in info.value.message_dict["region"][0]


def test_duplicate_credit_code_is_refused(world) -> None:
    admin = world.user(Role.BUREAU_ADMIN)
    with pytest.raises(ValidationError) as info:
        organisation_create(actor=admin, data=payload(uscc=world.enterprise.uscc))
    assert "uscc" in info.value.message_dict


def test_department_needs_its_bureau(world) -> None:
    admin = world.user(Role.BUREAU_ADMIN)
    with pytest.raises(ValidationError) as info:
        organisation_create(actor=admin, data=payload(kind=OrgKind.DEPARTMENT.value, uscc=None))
    assert "parent" in info.value.message_dict
    with pytest.raises(ValidationError):
        organisation_create(actor=admin, data=payload(kind=OrgKind.DEPARTMENT.value, uscc=None,
                                                      parent_id=world.enterprise.pk))
    dept = organisation_create(actor=admin, data=payload(kind=OrgKind.DEPARTMENT.value, uscc=None,
                                                         name="农村处", parent_id=world.bureau.pk))
    assert dept.parent == world.bureau


def test_update_records_before_and_after(world) -> None:
    user = world.user(Role.ENTERPRISE_USER)
    organisation_update(actor=user, organisation=world.enterprise,
                        data=payload(name="甲科技股份有限公司", uscc=world.enterprise.uscc), reason="restructured")
    entry = audit_for(world.enterprise).first()
    assert entry.changes["name"] == ["甲科技有限公司", "甲科技股份有限公司"]
    assert entry.reason == "restructured"


def test_reaching_for_another_organisation_is_refused_and_audited(world) -> None:
    user = world.user(Role.ENTERPRISE_USER)
    name_before = world.neighbour.name
    with pytest.raises(PermissionDenied):
        organisation_update(actor=user, organisation=world.neighbour,
                            data=payload(name="taken over", uscc=world.neighbour.uscc))
    world.neighbour.refresh_from_db()
    assert world.neighbour.name == name_before
    denied = audit_for(world.neighbour).get()
    assert denied.action == AuditEntry.Action.DENIED
    assert denied.actor == user


def test_district_user_cannot_move_an_enterprise_out_of_its_district(world) -> None:
    user = world.user(Role.DEPARTMENT_USER)
    with pytest.raises(PermissionDenied):
        organisation_update(actor=user, organisation=world.neighbour,
                            data=payload(region_code="330205", uscc=world.neighbour.uscc))


def test_delete_is_for_admins_and_keeps_the_trail(world) -> None:
    with pytest.raises(PermissionDenied):
        organisation_delete(actor=world.user(Role.PLANNER), organisation=world.far_away, reason="x")
    pk = world.far_away.pk
    organisation_delete(actor=world.user(Role.BUREAU_ADMIN), organisation=world.far_away, reason="closed down")
    assert not Organisation.objects.filter(pk=pk).exists()
    assert AuditEntry.objects.filter(object_id=str(pk), action=AuditEntry.Action.DELETE, reason="closed down").exists()
