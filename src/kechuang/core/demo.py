"""Generated demo data: a city bureau with departments and district bureaus, a few hundred
enterprises, universities, institutes and intermediaries, and a user for every role.

Names are composed from word lists here, not copied from any register; credit codes are built with
valid check characters by :func:`kechuang.core.uscc.make_uscc_from_parts`. Running it twice changes
nothing: an existing demo bureau is detected and kept.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from kechuang.core import search_index
from kechuang.core.models import AuditEntry, Organisation, Region, User
from kechuang.core.roles import OrgKind, Role
from kechuang.core.services import user_create
from kechuang.core.uscc import make_uscc_from_parts

DEMO_CITY = "330200"
DEMO_PASSWORD = "Kechuang2026"
# The units of a city 科技局 as its own staff list them (处室, 机关党委, 监察室, a directly attached institute).
DEPARTMENTS = ["办公室", "规划与政策法规处", "高新技术处", "农村科技处", "社会发展科技处",
               "成果转化与区域创新处", "科技计划与资源配置处", "科研条件与基础研究处", "人才与国际合作处",
               "人事处", "科研诚信与监督处", "机关党委", "监察室", "科技发展战略研究院"]
# Provincial bodies a city bureau's plans name as lead units: (name, short name, region code, parent's name).
PROVINCIAL_UNITS = [("浙江省知识产权局", "省知识产权局", "330000", ""),
                    ("浙江省科技干部培训中心", "", "330000", ""),
                    ("国家知识产权局专利局宁波代办处", "", DEMO_CITY, "浙江省知识产权局")]
WORDS = ["瑞", "华", "信", "达", "科", "创", "智", "联", "星", "海", "宏", "泰", "鼎", "博", "新", "源", "恒", "图",
         "川", "远", "明", "锐", "嘉", "航", "晟", "越", "辰", "睿", "蓝", "致", "拓", "微", "磐", "融", "凯", "卓"]
TRADES = ["电子科技", "生物医药", "新材料", "智能装备", "软件技术", "光电科技", "精密机械", "节能环保",
          "数据科技", "汽车零部件", "海洋科技", "化工科技", "医疗器械", "新能源", "检测技术", "农业科技"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜敏静磊强军洋勇艳杰涛明超秀霞平刚桂英华丽"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    organisation: str


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")


def _code_body(rng: random.Random) -> str:
    return "MA" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(6))


@transaction.atomic
def load_demo_data(*, enterprises: int = 300, seed: int = 2026) -> tuple[bool, list[DemoLogin]]:
    """Create the demo world unless it exists; return (created, logins)."""
    city = Region.objects.get(code=DEMO_CITY)
    bureau_name = f"{city.name}科学技术局"
    existing = Organisation.objects.filter(name=bureau_name, kind=OrgKind.BUREAU).first()
    if existing is not None:
        return False, demo_logins()

    rng = random.Random(seed)
    counties = list(Region.objects.filter(parent_id=DEMO_CITY).order_by("code"))
    bureau = Organisation.objects.create(
        name=bureau_name, short_name="市科技局", kind=OrgKind.BUREAU, region=city,
        uscc=make_uscc_from_parts(DEMO_CITY, "00" + "".join(rng.choice("0123456789") for _ in range(6)),
                                  authority="1", kind="1"),
        address=f"{city.name}行政中心", contact_name=_person(rng), contact_phone="0574-87000000")
    orgs: list[Organisation] = [
        Organisation(name=f"{bureau_name}{dept}", short_name=dept, kind=OrgKind.DEPARTMENT, region=city,
                     parent=bureau)
        for dept in DEPARTMENTS
    ]
    orgs += [
        Organisation(name=f"{county.name}科学技术局", short_name=f"{county.name}科技局", kind=OrgKind.DISTRICT_BUREAU,
                     region=county, parent=bureau,
                     uscc=make_uscc_from_parts(county.code, "00" + f"{i:06d}", authority="1", kind="1"))
        for i, county in enumerate(counties, start=1)
    ]
    _create_provincial_units()
    seen: set[str] = set()

    def unique_name(make) -> str:
        while True:
            name = make()
            if name not in seen:
                seen.add(name)
                return name

    short = city.name.removesuffix("市")
    for kind, count, make in (
        (OrgKind.ENTERPRISE, enterprises,
         lambda: f"{short}{rng.choice(WORDS)}{rng.choice(WORDS)}{rng.choice(TRADES)}有限公司"),
        (OrgKind.UNIVERSITY, 6, lambda: f"{short}{rng.choice(['理工', '科技', '工程', '海洋', '医科', '师范'])}大学"),
        (OrgKind.INSTITUTE, 12, lambda: f"{short}{rng.choice(TRADES).removesuffix('科技')}研究院"),
        (OrgKind.INTERMEDIARY, 8,
         lambda: f"{short}{rng.choice(WORDS)}{rng.choice(WORDS)}科技服务有限公司"),
    ):
        for _ in range(count):
            county = rng.choice(counties)
            authority, org_type = ("9", "1") if kind in (OrgKind.ENTERPRISE, OrgKind.INTERMEDIARY) else ("1", "2")
            orgs.append(Organisation(
                name=unique_name(make), kind=kind, region=county,
                uscc=make_uscc_from_parts(county.code, _code_body(rng), authority=authority, kind=org_type),
                address=f"{county.name}{rng.choice(WORDS)}{rng.choice(WORDS)}路{rng.randint(1, 999)}号",
                contact_name=_person(rng), contact_phone=f"1{rng.randint(3, 9)}{rng.randint(0, 10**9 - 1):09d}"))
    Organisation.objects.bulk_create(orgs, batch_size=500)
    _audit_demo_creation()
    _create_users(bureau)
    search_index.reindex_all()
    return True, demo_logins()


def _audit_demo_creation() -> None:
    ct = ContentType.objects.get_for_model(Organisation)
    AuditEntry.objects.bulk_create(
        [AuditEntry(actor_name="system", action=AuditEntry.Action.CREATE, content_type=ct, object_id=str(pk),
                    object_repr=name[:200], reason="演示数据")
         for pk, name in Organisation.objects.values_list("pk", "name")],
        batch_size=500,
    )


DEMO_USERS: list[tuple[str, Role, str]] = [
    ("admin", Role.BUREAU_ADMIN, "bureau"),
    ("planner", Role.PLANNER, "规划与政策法规处"),
    ("leader", Role.LEADER, "bureau"),
    ("officer", Role.PROGRAMME_OFFICER, "高新技术处"),
    ("dept", Role.DEPARTMENT_USER, "农村科技处"),
    ("district", Role.DEPARTMENT_USER, "district"),
    ("enterprise", Role.ENTERPRISE_USER, "enterprise"),
    ("expert", Role.EXPERT, "university"),
    ("commissioner", Role.COMMISSIONER, "institute"),
]


def _create_provincial_units() -> None:
    """The provincial bodies, saved one by one since a child needs its parent's id."""
    made: dict[str, Organisation] = {}
    for name, short, code, parent in PROVINCIAL_UNITS:
        made[name] = Organisation.objects.create(
            name=name, short_name=short, region=Region.objects.get(code=code),
            kind=OrgKind.DEPARTMENT if parent else OrgKind.BUREAU, parent=made.get(parent))


def _create_users(bureau: Organisation) -> None:
    rng = random.Random(7)
    for username, role, where in DEMO_USERS:
        if where == "bureau":
            org = bureau
        elif where in {k.value for k in OrgKind}:
            org = Organisation.objects.filter(kind=where).order_by("pk").first()
        elif where == "district":
            org = Organisation.objects.filter(kind=OrgKind.DISTRICT_BUREAU).order_by("pk").first()
        else:
            org = Organisation.objects.get(parent=bureau, short_name=where)
        user_create(actor=None, username=username, password=DEMO_PASSWORD, organisation=org, roles=[role],
                    display_name=_person(rng), email=f"{username}@example.org",
                    is_superuser=username == "admin")


def demo_logins() -> list[DemoLogin]:
    users = User.objects.filter(username__in=[u for u, _, _ in DEMO_USERS]).select_related("organisation")
    by_name = {u.username: u for u in users}
    return [DemoLogin(name, role.value, by_name[name].organisation.name if by_name[name].organisation else "")
            for name, role, _ in DEMO_USERS if name in by_name]
