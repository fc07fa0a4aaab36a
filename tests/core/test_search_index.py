"""Chinese search through the database: indexing in services, list searches, bad input."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kechuang.core import search_index
from kechuang.core.models import Organisation, SearchDocument, SearchTermStat
from kechuang.core.roles import OrgKind, Role
from kechuang.core.selectors import organisation_list
from kechuang.core.services import OrganisationInput, organisation_create, organisation_update
from kechuang.core.uscc import make_uscc_from_parts

pytestmark = pytest.mark.django_db


def _create(world, actor, name: str, body: str) -> Organisation:
    return organisation_create(actor=actor, data=OrganisationInput(
        name=name, kind=OrgKind.ENTERPRISE, region_code="330203",
        uscc=make_uscc_from_parts("330203", body, authority="9", kind="1")))


def test_created_organisation_is_found_by_partial_name_and_short_form(world) -> None:
    admin = world.user(Role.BUREAU_ADMIN)
    org = _create(world, admin, "宁波芯微电子有限公司", "MA100001")
    _create(world, admin, "宁波港口物流有限公司", "MA100002")
    assert list(organisation_list(admin, q="宁波芯")) == [org]
    assert list(organisation_list(admin, q="芯微")) == [org]
    assert org in list(organisation_list(admin, q="宁芯"))[:1]


def test_update_replaces_tokens_and_keeps_statistics(world) -> None:
    admin = world.user(Role.BUREAU_ADMIN)
    org = _create(world, admin, "宁波芯微电子有限公司", "MA100001")
    organisation_update(actor=admin, organisation=org, data=OrganisationInput(
        name="宁波光刻设备有限公司", kind=OrgKind.ENTERPRISE, region_code="330203", uscc=org.uscc))
    assert list(organisation_list(admin, q="芯微")) == []
    assert list(organisation_list(admin, q="光刻")) == [org]
    fresh = {(s.term, s.df, s.total_length) for s in SearchTermStat.objects.filter(kind="organisation")
             if s.df or s.total_length}
    search_index.reindex("organisation")
    assert fresh == {(s.term, s.df, s.total_length) for s in SearchTermStat.objects.filter(kind="organisation")}


def test_search_keeps_the_users_scope(world) -> None:
    district = world.user(Role.DEPARTMENT_USER, world.district_bureau)
    names = {o.name for o in organisation_list(district, q="科技")}
    assert "甲科技有限公司" in names and "丁科技有限公司" not in names


def test_credit_code_still_finds_its_organisation(world) -> None:
    admin = world.user(Role.BUREAU_ADMIN)
    assert list(organisation_list(admin, q=world.enterprise.uscc.lower())) == [world.enterprise]


@pytest.mark.parametrize("q", ["，。！？", "!!!", '"', "*", "NEAR", "芯 OR 片", "'; drop table core_organisation; --",
                               "-", "芯" * 10_000, "\x00"])
def test_bad_input_never_fails(world, q: str) -> None:
    client = Client()
    client.force_login(world.user(Role.BUREAU_ADMIN))
    assert client.get(reverse("core:organisation_list"), {"q": q}).status_code == 200
    assert client.get(reverse("enterprises:registry"), {"q": q}).status_code == 200
    assert Organisation.objects.filter(name="甲科技有限公司").exists()
    assert SearchDocument.objects.exists()


def test_punctuation_only_finds_nothing(world) -> None:
    assert list(organisation_list(world.user(Role.BUREAU_ADMIN), q="，。！？\"*")) == []
