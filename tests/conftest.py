"""Shared fixtures: a small bureau world and users for every role."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kechuang.core import search_index
from kechuang.core.models import Organisation, Region, User
from kechuang.core.regions import regions_load
from kechuang.core.roles import OrgKind, Role
from kechuang.core.services import user_create
from kechuang.core.uscc import make_uscc_from_parts

PASSWORD = "Testpass2026"


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Run background tasks inline in tests, so their effects can be asserted directly."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path / "media")}}}


class World:
    """A city bureau (宁波 330200), one of its districts (海曙 330203), and another city (杭州 330100)."""

    def __init__(self) -> None:
        regions_load()  # a transactional test before this one may have flushed the table
        self.city = Region.objects.get(code="330200")
        self.district = Region.objects.get(code="330203")
        self.other_district = Region.objects.get(code="330205")
        self.other_city = Region.objects.get(code="330106")
        self.bureau = Organisation.objects.create(name="市科技局", kind=OrgKind.BUREAU, region=self.city)
        self.department = Organisation.objects.create(
            name="高新处", kind=OrgKind.DEPARTMENT, region=self.city, parent=self.bureau)
        self.district_bureau = Organisation.objects.create(
            name="海曙区科技局", kind=OrgKind.DISTRICT_BUREAU, region=self.district, parent=self.bureau)
        self.enterprise = self.make_enterprise("甲科技有限公司", self.district, "MA000001")
        self.neighbour = self.make_enterprise("乙科技有限公司", self.district, "MA000002")
        self.elsewhere = self.make_enterprise("丙科技有限公司", self.other_district, "MA000003")
        self.far_away = self.make_enterprise("丁科技有限公司", self.other_city, "MA000004")
        search_index.reindex_all()  # the records above were created without the services that index them
        self.users: dict[str, User] = {}

    def make_enterprise(self, name: str, region: Region, body: str) -> Organisation:
        return Organisation.objects.create(name=name, kind=OrgKind.ENTERPRISE, region=region,
                                           uscc=make_uscc_from_parts(region.code, body))

    def user(self, role: Role, org: Organisation | None = None) -> User:
        key = f"{role.value}-{org.pk if org else 'default'}"
        if key not in self.users:
            default_org = {
                Role.ENTERPRISE_USER: self.enterprise,
                Role.DEPARTMENT_USER: self.district_bureau,
                Role.EXPERT: self.neighbour,
                Role.COMMISSIONER: self.neighbour,
            }.get(role, self.bureau)
            self.users[key] = user_create(actor=None, username=key, password=PASSWORD,
                                          organisation=org or default_org, roles=[role])
        return self.users[key]


@pytest.fixture
def world(db) -> World:
    return World()


@pytest.fixture
def small_pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("evidence.pdf", b"%PDF-1.4\n% test\n", content_type="application/pdf")
